import multiprocessing


def work(x):
    return x


if __name__ == "__main__":
    with multiprocessing.Pool(2) as pool:
        print(pool.map(work, [1]))
