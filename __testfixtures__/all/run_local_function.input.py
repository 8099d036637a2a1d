import multiprocessing as mp


def neg(x):
    return -x


def run(values):
    with mp.Pool(2) as pool:
        return pool.map(neg, values)


print(run([1, 2, 3]))
