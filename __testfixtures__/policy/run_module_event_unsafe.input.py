import multiprocessing as mp

ready = mp.Event()


def worker(n):
    ready.wait(timeout=60)
    raise SystemExit(0 if ready.is_set() else 3)


if __name__ == "__main__":
    procs = [mp.Process(target=worker, args=(i,)) for i in range(2)]
    for p in procs:
        p.start()
    ready.set()
    for p in procs:
        p.join()
    print("exit codes", [p.exitcode for p in procs])
