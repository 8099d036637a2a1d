import multiprocessing as mp

ready = mp.Event()


def worker(n):
    # Set by the parent before the start: a child that made its own Event waits in vain.
    print("worker", n, ready.wait(timeout=1), flush=True)


if __name__ == "__main__":
    ready.set()
    for i in range(2):
        p = mp.Process(target=worker, args=(i,))
        p.start()
        p.join()
