import multiprocessing as mp


def work(x):
    return -x


if __name__ == "__main__":
    mp.freeze_support()
    with mp.Pool(2) as pool:
        print(pool.map(work, [5]))
