import multiprocessing


def worker(n, shared):
    shared[n] = n * n


if __name__ == "__main__":
    manager = multiprocessing.Manager()
    shared = manager.dict()
    for n in range(3):
        multiprocessing.Process(target=worker, args=(n, shared)).start()
