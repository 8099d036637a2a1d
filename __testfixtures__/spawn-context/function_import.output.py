try:
    from multiprocessing import Pool, get_context
except ImportError:
    Pool = None


def run(f):
    import multiprocessing as mp

    with mp.get_context("spawn").Pool(2) as pool:
        pool.map(f, [1])
    if Pool is not None:
        with get_context("spawn").Pool(2) as other:
            other.map(f, [2])
