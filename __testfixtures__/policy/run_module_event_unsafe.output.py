import multiprocessing as mp


def worker(ready, n):
    ready.wait(timeout=60)
    raise SystemExit(0 if ready.is_set() else 3)


if __name__ == "__main__":
    mp.set_start_method("spawn")
    ready = mp.Event()
    procs = [mp.Process(target=worker, args=(ready, i)) for i in range(2)]
    for p in procs:
        p.start()
    ready.set()
    for p in procs:
        p.join()
    print("exit codes", [p.exitcode for p in procs])
