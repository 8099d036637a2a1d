import multiprocessing
from concurrent.futures import ProcessPoolExecutor


def work(x):
    return x


if __name__ == "__main__":
    multiprocessing.set_start_method("spawn")
    with ProcessPoolExecutor() as ex:
        ex.submit(work, 1)
