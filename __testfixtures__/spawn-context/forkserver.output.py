import multiprocessing as mp
from concurrent.futures import ProcessPoolExecutor

_mp_context = mp.get_context("forkserver")


def run(f):
    with _mp_context.Pool(2) as pool:
        pool.map(f, [1])
    with ProcessPoolExecutor(mp_context=_mp_context) as ex:
        ex.submit(f, 1)
