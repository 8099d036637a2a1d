import multiprocessing as mp


def work(q, x):
    q.put(x)


if __name__ == "__main__":
    q = mp.Queue()
    manager_q = mp.Manager().Queue()
    with mp.Pool(2) as pool:
        pool.apply(work, (q, 1))
        pool.apply(work, (manager_q, 1))
        pool.starmap(work, [(manager_q, 2)])
    p = mp.Process(target=work, args=(q, 3))
