from multiprocessing import *


def hello(q):
    q.put("hello from child")


if __name__ == "__main__":
    q = get_context("spawn").Queue()
    p = get_context("spawn").Process(target=hello, args=(q,))
    p.start()
    print(q.get())
    p.join()
