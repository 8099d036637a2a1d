import multiprocessing as mp
from concurrent.futures import ProcessPoolExecutor


def work(x):
    return x


def run():
    with mp.Pool(2) as pool:
        pool.map(work, [1])
    with ProcessPoolExecutor() as ex:
        ex.submit(work, 1)
    return mp.get_context(), mp.get_context("fork")


if __name__ == "__main__":
    mp.set_start_method("forkserver")
    run()
