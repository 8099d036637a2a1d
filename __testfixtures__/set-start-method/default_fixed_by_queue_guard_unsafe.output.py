import multiprocessing as mp


def work(x):
    return x * 2


if __name__ == "__main__":
    import sys

    mp.set_start_method("spawn")
    q = mp.Queue()  # filled by the parent
    # The pool's results go through the queue.
    with mp.Pool(2) as pool:
        for r in pool.map(work, range(3)):
            q.put(r)
    print([q.get() for _ in range(3)], file=sys.stdout)
