try:
    from multiprocessing import Pool
except ImportError:
    Pool = None


def run(f):
    import multiprocessing as mp

    with mp.Pool(2) as pool:
        pool.map(f, [1])
    if Pool is not None:
        with Pool(2) as other:
            other.map(f, [2])
