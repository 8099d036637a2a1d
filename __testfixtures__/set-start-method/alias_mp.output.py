import multiprocessing as mp


def work(x):
    return x


if __name__ == '__main__':
    mp.set_start_method('spawn')
    p = mp.Process(target=work, args=(1,))
    p.start()
