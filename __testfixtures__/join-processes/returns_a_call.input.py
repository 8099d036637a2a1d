import multiprocessing


def work(lock):
    with lock:
        pass


def main():
    lock = multiprocessing.Lock()
    multiprocessing.Process(target=work, args=(lock,)).start()
    return summary()


def summary():
    return 0


if __name__ == "__main__":
    main()
