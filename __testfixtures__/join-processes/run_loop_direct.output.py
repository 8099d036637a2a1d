import multiprocessing


def worker(n, barrier, lock):
    barrier.wait()
    with lock:
        print("worker", n, "passed", flush=True)


if __name__ == "__main__":
    barrier = multiprocessing.Barrier(4)
    lock = multiprocessing.Lock()
    processes = []
    # start the workers
    for n in range(4):
        process = multiprocessing.Process(target=worker, args=(n, barrier, lock))
        process.start()
        processes.append(process)
    for process in processes:
        process.join()
