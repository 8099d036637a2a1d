import multiprocessing as mp

pool = mp.Pool(2)


def work(x):
    return pool.apply(abs, (x,))


p = mp.Process(target=work, args=(-1,))
p.start()
