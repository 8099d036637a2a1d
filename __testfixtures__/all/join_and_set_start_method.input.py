import multiprocessing
import os


def worker(queue, n):
    queue.put(n)


if __name__ == "__main__":
    print("starting")
    queue = multiprocessing.Queue()
    with open(os.devnull, "w") as log:
        multiprocessing.Process(target=worker, args=(queue, 1)).start()
        log.write("started\n")
