import multiprocessing as mp


def f():
    return 1


if __name__ == "__main__": \
    mp.Process(target=f).start()
