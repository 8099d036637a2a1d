import multiprocessing


def work(lock):
    with lock:
        pass


def main(extra):
    lock = multiprocessing.Lock()
    multiprocessing.Process(target=work, args=(lock,)).start()
    if extra:
        multiprocessing.Process(target=work, args=(lock,)).start()
        print("extra")
    print("done")


if __name__ == "__main__":
    main(True)
