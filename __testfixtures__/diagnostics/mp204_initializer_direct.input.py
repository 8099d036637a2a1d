import logging
from concurrent.futures import ProcessPoolExecutor


def configure():
    logging.basicConfig(level=logging.INFO)


def work(x):
    logging.info("working on %s", x)
    return x


def main():
    configure()
    with ProcessPoolExecutor(2, initializer=configure) as ex:
        list(ex.map(work, [1]))


if __name__ == "__main__":
    main()
