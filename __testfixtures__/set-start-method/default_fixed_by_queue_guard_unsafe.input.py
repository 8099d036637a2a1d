import multiprocessing as mp

q = mp.Queue()  # filled by the parent


def work(x):
    return x * 2


if __name__ == "__main__":
    import sys

    # The pool's results go through the queue.
    with mp.Pool(2) as pool:
        for r in pool.map(work, range(3)):
            q.put(r)
    print([q.get() for _ in range(3)], file=sys.stdout)
