import multiprocessing
import os


def worker(queue, n):
    queue.put(n)


if __name__ == "__main__":
    multiprocessing.set_start_method("spawn")
    print("starting")
    queue = multiprocessing.Queue()
    with open(os.devnull, "w") as log:
        processes = []
        process = multiprocessing.Process(target=worker, args=(queue, 1))
        process.start()
        processes.append(process)
        log.write("started\n")
        for process in processes:
            process.join()
