import multiprocessing as mp

DONE = mp.Event()


def work(x):
    return x + 1


if __name__ == "__main__":
    with mp.Pool(2) as pool:
        print(pool.map(work, range(3)))
    DONE.set()
    print("done", DONE.is_set())
