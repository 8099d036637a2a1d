import multiprocessing as mp

_mp_context = mp.get_context("spawn")


def add(lock, q, n):
    with lock:
        q.put(n)


if __name__ == "__main__":
    lock = _mp_context.Lock()
    q = _mp_context.Queue()
    procs = [_mp_context.Process(target=add, args=(lock, q, i)) for i in range(3)]
    for p in procs:
        p.start()
    print(sorted(q.get() for _ in procs))
    for p in procs:
        p.join()
