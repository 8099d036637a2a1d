import multiprocessing as mp


def hello(q):
    q.put("hi")


if __name__ == "__main__":
    mp.set_start_method("spawn")
    q = mp.Queue()
    p = mp.Process(target=hello, args=(q,))
    p.start()
    print(q.get())
    p.join()
