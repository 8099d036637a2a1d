import multiprocessing


def work(lock):
    with lock:
        pass


if __name__ == "__main__":
    lock = multiprocessing.Lock()
    p = multiprocessing.Process(target=work, args=(lock,))
    p.start()
    p = multiprocessing.Process(target=work, args=(lock,))
    p.start()
