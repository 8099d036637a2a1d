import logging
import multiprocessing as mp

log = logging.getLogger(__name__)


def square(x):
    log.info("square %s", x)
    return x * x


def setup():
    logging.basicConfig(level=logging.INFO)


def main():
    with mp.Pool(2) as pool:
        print(pool.map(square, [1, 2, 3]))


if __name__ == "__main__":
    setup()
    main()
