import multiprocessing as mp


def worker(ready, n):
    # Set by the parent before the start: a child that made its own Event waits in vain.
    print("worker", n, ready.wait(timeout=1), flush=True)


if __name__ == "__main__":
    ready = mp.Event()
    ready.set()
    for i in range(2):
        p = mp.Process(target=worker, args=(ready, i))
        p.start()
        p.join()
