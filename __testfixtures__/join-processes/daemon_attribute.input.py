import multiprocessing


def serve(lock):
    with lock:
        pass


def main():
    lock = multiprocessing.Lock()
    p = multiprocessing.Process(target=serve, args=(lock,))
    p.daemon = True
    p.start()


if __name__ == "__main__":
    main()
