import multiprocessing as mp

LOCK = mp.Lock()


def work(x):
    return x * 2


if __name__ == "__main__":
    with LOCK:
        with mp.Pool(2) as pool:
            print(pool.map(work, range(3)))
