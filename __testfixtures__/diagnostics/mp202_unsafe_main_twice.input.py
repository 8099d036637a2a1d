import multiprocessing as mp

q = mp.Queue()


def work(x):
    q.put(x)


def run():
    p = mp.Process(target=work, args=(1,))
    p.start()
    p.join()
    return q.get()


if __name__ == "__main__":
    run()
    run()
