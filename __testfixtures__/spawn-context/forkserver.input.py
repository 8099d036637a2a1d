import multiprocessing as mp
from concurrent.futures import ProcessPoolExecutor


def run(f):
    with mp.Pool(2) as pool:
        pool.map(f, [1])
    with ProcessPoolExecutor() as ex:
        ex.submit(f, 1)
