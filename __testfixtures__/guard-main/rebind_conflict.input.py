import multiprocessing as mp

LIMIT = 1
print(LIMIT)
LIMIT = 2


def work(x):
    return x < LIMIT


with mp.Pool(2) as pool:
    print(pool.map(work, [0, 1]))
