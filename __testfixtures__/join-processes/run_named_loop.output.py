from multiprocessing import Event, Lock, Process


def worker(n, go, lock):
    go.wait()
    with lock:
        print("worker", n, "went", flush=True)


def main():
    go = Event()
    lock = Lock()
    processes = []
    for n in range(3):
        p = Process(target=worker, args=(n, go, lock))
        p.start()  # off it goes
        processes.append(p)
    go.set()
    for process in processes:
        process.join()
    return 0


if __name__ == "__main__":
    main()
