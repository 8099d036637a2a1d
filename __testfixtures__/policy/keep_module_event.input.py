import multiprocessing as mp

ready = mp.Event()


def worker(n):
    ready.wait(timeout=60)
    print("worker", n, "saw", ready.is_set())


if __name__ == "__main__":
    procs = [mp.Process(target=worker, args=(i,)) for i in range(2)]
    for p in procs:
        p.start()
    ready.set()
    for p in procs:
        p.join()
    print("done")
