from multiprocessing import get_context


def produce(q, n):
    for i in range(n):
        q.put(i)
    q.put(None)


if __name__ == "__main__":
    q = get_context("spawn").Queue()
    p = get_context("spawn").Process(target=produce, args=(q, 5))
    p.start()
    print(list(iter(q.get, None)))
    p.join()
    print("exit code", p.exitcode)
