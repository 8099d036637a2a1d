import multiprocessing as mp

stop = mp.Event()


def worker():
    stop.wait()


def main():
    p = mp.Process(target=worker)
    p.start()
    stop.set()
    p.join()
    print("done")


if __name__ == "__main__":
    main()
