import multiprocessing


def work(x):
    return x


p = multiprocessing.Process(target=work, args=(1,))
p.start()
p.join()
