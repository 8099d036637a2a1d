import multiprocessing.pool
from multiprocessing.pool import Pool as PoolClass, ThreadPool

_mp_context = multiprocessing.get_context("spawn")


def run(f):
    a = multiprocessing.pool.Pool(2, context=_mp_context)
    b = PoolClass(processes=2, initializer=None, context=_mp_context)
    c = multiprocessing.pool.Pool(2, None, (), None, multiprocessing.get_context("spawn"))
    t = ThreadPool(4)
    return a, b, c, t
