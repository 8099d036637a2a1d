import multiprocessing as mp


def add(lock, q, n):
    with lock:
        q.put(n)


if __name__ == "__main__":
    lock = mp.Lock()
    q = mp.Queue()
    procs = [mp.Process(target=add, args=(lock, q, i)) for i in range(3)]
    for p in procs:
        p.start()
    print(sorted(q.get() for _ in procs))
    for p in procs:
        p.join()
