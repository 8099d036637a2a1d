import multiprocessing as mp


def work(pair):
    q, n = pair
    q.put(n)
    return n


if __name__ == "__main__":
    queue = mp.Queue()
    with mp.Pool(2) as pool:
        print(sorted(pool.map(work, [(queue, n) for n in range(3)])))
