import multiprocessing


def work(n, lock, total):
    with lock:
        total.value += n


def main():
    lock = multiprocessing.Lock()
    total = multiprocessing.Value("i", 0, lock=False)
    procs = [multiprocessing.Process(target=work, args=(n, lock, total)) for n in range(4)]
    for p in procs: p.start()
    print("started", len(procs), flush=True)
    for p in procs:
        p.join()


if __name__ == "__main__":
    main()
