import multiprocessing as mp


def f():
    return 1


p = mp.Process(target=f)
if __name__ == "__main__": \
    p.start(); p.join()
