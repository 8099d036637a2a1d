import multiprocessing as mp

TABLE = {i: chr(ord("a") + i) for i in range(5)}
PREFIX = "-".join(["x", "y"])
parent_only = len(TABLE) * 10


def label(i):
    return PREFIX + TABLE[i]


with mp.Pool(2) as pool:
    print(pool.map(label, range(5)), parent_only)
