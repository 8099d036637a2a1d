import multiprocessing as mp


def work(x):
    return x


if __name__ == '__main__':
    p = mp.Process(target=work, args=(1,))
    p.start()
