import multiprocessing as mp


def f():
    return 1


if __name__ == "__main__":
    p = mp.Process(target=f)
    p.start(); p.join()
