import functools
import logging
import multiprocessing as mp
import sys

log = logging.getLogger("app")
SCALE = None


def init(scale, fmt):
    global SCALE
    SCALE = scale
    logging.basicConfig(stream=sys.stdout, format=fmt, level=logging.INFO)


def work(x):
    log.info("child handles %s", x)
    sys.stdout.flush()
    return x * SCALE


if __name__ == "__main__":
    with mp.Pool(1, initializer=functools.partial(init, 3, "%(levelname)s %(message)s")) as pool:
        print(pool.map(work, [1, 2]), flush=True)
