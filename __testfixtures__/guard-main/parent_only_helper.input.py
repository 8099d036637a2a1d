import multiprocessing as mp

pool = mp.Pool(2)


def work(x):
    return pool.apply(abs, (x,))


print(work(-1))
