import multiprocessing as mp

results = None


def store(values):
    global results
    results = values


def double(x):
    return 2 * x


def show():
    print("results", results)


def main():
    global results
    pool = mp.Pool(2)
    store(pool.map(double, range(4)))
    results = results[::-1]
    show()
    pool.close()
    pool.join()


if __name__ == "__main__":
    mp.set_start_method("spawn")
    main()
