import multiprocessing as mp

LOCK = mp.Lock()


def work(x):
    return x * 2


def locked():
    # Called more than once: the lock must outlive each call.
    return LOCK.acquire(timeout=1)


if __name__ == "__main__":
    with mp.Pool(2) as pool:
        print(pool.map(work, range(3)), [locked() for _ in range(2)])
