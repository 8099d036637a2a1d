import multiprocessing.pool
from multiprocessing.pool import Pool as PoolClass, ThreadPool


def run(f):
    a = multiprocessing.pool.Pool(2, context=multiprocessing.get_context("spawn"))
    b = PoolClass(
        processes=2, initializer=None, context=multiprocessing.get_context("spawn")
    )
    c = multiprocessing.pool.Pool(2, None, (), None, multiprocessing.get_context("spawn"))
    t = ThreadPool(4)
    return a, b, c, t
