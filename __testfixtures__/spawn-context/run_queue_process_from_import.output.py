from multiprocessing import get_context

_mp_context = get_context("spawn")


def produce(q, n):
    for i in range(n):
        q.put(i)
    q.put(None)


if __name__ == "__main__":
    q = _mp_context.Queue()
    p = _mp_context.Process(target=produce, args=(q, 5))
    p.start()
    print(list(iter(q.get, None)))
    p.join()
    print("exit code", p.exitcode)
