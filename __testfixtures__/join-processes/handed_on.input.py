import multiprocessing


def work(lock):
    with lock:
        pass


if __name__ == "__main__":
    lock = multiprocessing.Lock()
    started = []
    for _ in range(2):
        p = multiprocessing.Process(target=work, args=(lock,))
        p.start()
        started.append(p)
    print(len(started))
