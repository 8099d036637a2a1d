import multiprocessing


def worker(lock):
    pass


if __name__ == "__main__":
    processes = ["not", "these"]
    process = None
    lock = multiprocessing.Semaphore(2)
    started_processes = []
    proc = multiprocessing.Process(target=worker, args=(lock,))
    proc.start()
    started_processes.append(proc)
    for proc in started_processes:
        proc.join()
