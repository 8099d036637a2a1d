import multiprocessing as mp

METHOD = mp.get_start_method()


def work(x):
    return x + 1


if __name__ == "__main__":
    print(METHOD in ("fork", "spawn", "forkserver"))
    with mp.Pool(2) as pool:
        print(pool.map(work, range(3)))
