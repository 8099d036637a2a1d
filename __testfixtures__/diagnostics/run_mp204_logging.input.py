import logging
import multiprocessing as mp
import sys

log = logging.getLogger("app")


def work(x):
    log.warning("child handles %s", x)
    return x


if __name__ == "__main__":
    logging.basicConfig(stream=sys.stdout, format="%(levelname)s %(message)s")
    with mp.Pool(1) as pool:
        print(pool.map(work, [1]))
