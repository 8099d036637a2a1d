import multiprocessing


def work(RESULTS, x):
    RESULTS.put(x * x)


if __name__ == "__main__":
    multiprocessing.freeze_support()
    import sys

    multiprocessing.set_start_method("spawn")
    RESULTS = multiprocessing.Queue()
    procs = [multiprocessing.Process(target=work, args=(RESULTS, i)) for i in range(3)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    print(sorted(RESULTS.get(timeout=10) for _ in procs), file=sys.stdout)
