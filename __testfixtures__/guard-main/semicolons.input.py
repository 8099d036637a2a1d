import multiprocessing as mp


def work():
    pass


p = mp.Process(target=work); p.start()
p.join()
