import multiprocessing


def work(lock):
    with lock:
        pass


def start():
    p.start()


def stop():
    p.join()


lock = multiprocessing.Lock()
p = multiprocessing.Process(target=work, args=(lock,))

if __name__ == "__main__":
    start()
    stop()
