import multiprocessing


def worker(n, shared):
    shared[n] = n * n


if __name__ == "__main__":
    manager = multiprocessing.Manager()
    shared = manager.dict()
    processes = []
    for n in range(3):
        process = multiprocessing.Process(target=worker, args=(n, shared))
        process.start()
        processes.append(process)
    for process in processes:
        process.join()
