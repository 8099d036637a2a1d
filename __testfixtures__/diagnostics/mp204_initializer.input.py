import functools
import logging
import multiprocessing as mp

log = logging.getLogger(__name__)


def setup_logging(level):
    logging.basicConfig(level=level)


def init_worker(level):
    setup_logging(level)


def work(x):
    log.info("working on %s", x)
    return x


if __name__ == "__main__":
    setup_logging(logging.INFO)
    with mp.Pool(2, initializer=functools.partial(init_worker, logging.INFO)) as pool:
        pool.map(work, [1])
