import multiprocessing as mp


def work(x):
    return x * 2


def main():
    """Runs the pool under the lock."""
    LOCK = mp.Lock()
    RESULTS = mp.Manager()
    shared = RESULTS.list()
    with LOCK:
        with mp.Pool(2) as pool:
            shared.extend(pool.map(work, range(3)))
    print(list(shared))


if __name__ == "__main__":
    mp.set_start_method("spawn")
    main()
