from multiprocessing import Pool, set_start_method


def inc(x):
    return x + 1


if __name__ == "__main__":
    set_start_method("spawn")
    with Pool(2) as pool:
        print(pool.map(inc, [1, 2, 3]))
