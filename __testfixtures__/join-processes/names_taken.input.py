import multiprocessing


def worker(lock):
    pass


if __name__ == "__main__":
    processes = ["not", "these"]
    process = None
    lock = multiprocessing.Semaphore(2)
    multiprocessing.Process(target=worker, args=(lock,)).start()
