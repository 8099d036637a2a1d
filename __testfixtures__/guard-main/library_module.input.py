import multiprocessing as mp


def work(x):
    return x


POOL = mp.Pool(2)
