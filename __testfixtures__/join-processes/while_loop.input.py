import multiprocessing


def work(lock):
    with lock:
        pass


if __name__ == "__main__":
    lock = multiprocessing.Lock()
    started = 0
    while started < 3:
        multiprocessing.Process(target=work, args=(lock,)).start()
        started += 1
