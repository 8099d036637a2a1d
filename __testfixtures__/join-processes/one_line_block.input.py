import multiprocessing


def work(lock):
    with lock:
        pass


if __name__ == "__main__":
    lock = multiprocessing.Lock()
    for _ in range(3): multiprocessing.Process(target=work, args=(lock,)).start()
