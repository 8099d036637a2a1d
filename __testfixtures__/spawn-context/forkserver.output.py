import multiprocessing as mp
from concurrent.futures import ProcessPoolExecutor


def run(f):
    with mp.get_context("forkserver").Pool(2) as pool:
        pool.map(f, [1])
    with ProcessPoolExecutor(mp_context=mp.get_context("forkserver")) as ex:
        ex.submit(f, 1)
