import multiprocessing as mp


def run(f, factory=mp.Queue):
    make = mp.Pool
    q = factory()
    ok = isinstance(q, mp.Process)
    return call(mp.Lock), make, ok


def call(x):
    return x
