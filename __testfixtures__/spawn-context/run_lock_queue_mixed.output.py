import multiprocessing as mp


def add(lock, q, n):
    with lock:
        q.put(n)


if __name__ == "__main__":
    lock = mp.get_context("spawn").Lock()
    q = mp.get_context("spawn").Queue()
    procs = [
        mp.get_context("spawn").Process(target=add, args=(lock, q, i)) for i in range(3)
    ]
    for p in procs:
        p.start()
    print(sorted(q.get() for _ in procs))
    for p in procs:
        p.join()
