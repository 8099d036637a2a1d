from multiprocessing import Pool, set_start_method


def work(x):
    return x


if __name__ == "__main__":
    with Pool(2) as pool:
        pool.map(work, [1])
