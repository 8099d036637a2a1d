import multiprocessing


def work(lock):
    with lock:
        pass


def main():
    lock = multiprocessing.Lock()
    p = multiprocessing.Process(target=work, args=(lock,))
    p.start()  # mp-codemod: ignore[MP205]
    print("started")


if __name__ == "__main__":
    main()
