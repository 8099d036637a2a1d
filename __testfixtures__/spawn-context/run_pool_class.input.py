import multiprocessing.pool


def double(x):
    return 2 * x


if __name__ == "__main__":
    pool = multiprocessing.pool.Pool(2)
    print(pool.map(double, [1, 2, 3]))
    pool.close()
    pool.join()
