import multiprocessing as mp

LOCK = mp.Lock()
RESULTS = mp.Manager()


def work(x):
    return x * 2


def main():
    """Runs the pool under the lock."""
    shared = RESULTS.list()
    with LOCK:
        with mp.Pool(2) as pool:
            shared.extend(pool.map(work, range(3)))
    print(list(shared))


if __name__ == "__main__":
    main()
