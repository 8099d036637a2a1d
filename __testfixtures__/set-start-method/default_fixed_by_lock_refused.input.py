import multiprocessing as mp

LOCK = mp.Lock()


def work(x):
    return x * 2


def locked():
    # Read outside the guard: the lock must exist at import.
    return LOCK.acquire(timeout=1)


if __name__ == "__main__":
    with mp.Pool(2) as pool:
        print(pool.map(work, range(3)), locked())
