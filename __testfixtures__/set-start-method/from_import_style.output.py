from multiprocessing import Pool, set_start_method


def work(x):
    return x


if __name__ == "__main__":
    set_start_method("spawn")
    with Pool(2) as pool:
        pool.map(work, [1])
