import multiprocessing as mp


def work(x):
    return x + 1


if __name__ == "__main__":
    mp.set_start_method("spawn")
    DONE = mp.Event()
    with mp.Pool(2) as pool:
        print(pool.map(work, range(3)))
    DONE.set()
    print("done", DONE.is_set())
