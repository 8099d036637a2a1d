import logging
import multiprocessing as mp

log = logging.getLogger(__name__)


def work(x):
    log.info("working on %s", x)
    return x


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    with mp.Pool(2) as pool:
        pool.map(work, [1])
