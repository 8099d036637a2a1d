from multiprocessing import Process, Queue


def produce(q, n):
    for i in range(n):
        q.put(i)
    q.put(None)


if __name__ == "__main__":
    q = Queue()
    p = Process(target=produce, args=(q, 5))
    p.start()
    print(list(iter(q.get, None)))
    p.join()
    print("exit code", p.exitcode)
