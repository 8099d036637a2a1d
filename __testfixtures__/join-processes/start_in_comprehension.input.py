import multiprocessing


def work(n, lock):
    with lock:
        pass


if __name__ == "__main__":
    lock = multiprocessing.Lock()
    [multiprocessing.Process(target=work, args=(n, lock)).start() for n in range(2)]
