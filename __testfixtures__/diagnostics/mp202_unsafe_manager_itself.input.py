import multiprocessing as mp

manager = mp.Manager()


def work(x):
    return manager.dict()


if __name__ == "__main__":
    p = mp.Process(target=work, args=(1,))
    p.start()
    p.join()
