import multiprocessing as mp


def work(x):
    with lock:
        counter.value += x
    return x * x


def _init_shared(lock_, counter_):
    # Sets, in each pool worker, the objects the parent made
    # (spawn children do not inherit them).
    global lock, counter
    lock, counter = lock_, counter_


def main():
    lock = mp.Lock()
    counter = mp.Value("i", 0)
    with mp.Pool(2, initializer=_init_shared, initargs=(lock, counter)) as pool:
        print(pool.map(work, range(5)))
    print("total", counter.value)


if __name__ == "__main__":
    main()
