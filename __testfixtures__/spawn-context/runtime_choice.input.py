import multiprocessing as mp
import sys


def parallel(fn, items, start_method=None):
    method = start_method or ("spawn" if sys.platform == "darwin" else "fork")
    ctx = mp.get_context(method)
    manager = mp.Manager()
    with ctx.Pool(2) as pool:
        return pool.map(fn, items), manager
