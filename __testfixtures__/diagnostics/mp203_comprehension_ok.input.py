import multiprocessing as mp


def work(q, n):
    q.put(n)


def init(q):
    global QUEUE
    QUEUE = q


def use(n):
    QUEUE.put(n)


if __name__ == "__main__":
    manager = mp.Manager()
    shared = manager.Queue()
    queue = mp.Queue()
    queues = [mp.Queue() for _ in range(2)]
    xs = range(3)
    with mp.Pool(2, initializer=init, initargs=(queue,)) as pool:
        pool.starmap(work, [(shared, n) for n in xs])
        pool.map(use, [n for n in xs])
        pool.starmap(work, [(q, 1) for q in queues])
    procs = [mp.Process(target=work, args=(queue, n)) for n in xs]
