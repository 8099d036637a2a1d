import multiprocessing


def work(lock):
    with lock:
        pass


def main(extra):
    lock = multiprocessing.Lock()
    processes = []
    process = multiprocessing.Process(target=work, args=(lock,))
    process.start()
    processes.append(process)
    if extra:
        started_processes = []
        proc = multiprocessing.Process(target=work, args=(lock,))
        proc.start()
        started_processes.append(proc)
        print("extra")
        for proc in started_processes:
            proc.join()
    print("done")
    for process in processes:
        process.join()


if __name__ == "__main__":
    main(True)
