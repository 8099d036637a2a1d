import multiprocessing as mp


def work(q, x):
    q.put(x)
    return x


if __name__ == "__main__":
    q = mp.Queue()
    with mp.Pool(2) as pool:
        print(pool.apply(work, (q, 7)))
