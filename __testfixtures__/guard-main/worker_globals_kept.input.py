import multiprocessing as mp

OFFSET = 100
lookup = {i: i * i for i in range(10)}
factor = int("3")
unused_by_workers = factor * 2


def work(x):
    return lookup[x] + OFFSET * factor


with mp.Pool(2) as pool:
    print(pool.map(work, range(5)), unused_by_workers)
