from multiprocessing import Lock, Process, Queue, set_start_method


def add(lock, q, n):
    with lock:
        q.put(n * n)


def main():
    lock = Lock()
    q = Queue()
    procs = [Process(target=add, args=(lock, q, i)) for i in range(3)]
    for p in procs:
        p.start()
    print(sorted(q.get() for _ in procs))
    for p in procs:
        p.join()


if __name__ == "__main__":
    set_start_method("spawn")
    main()
