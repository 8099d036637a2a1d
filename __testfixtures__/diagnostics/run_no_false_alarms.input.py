import logging
import multiprocessing as mp
import sys

logging.basicConfig(stream=sys.stdout, format="%(levelname)s %(message)s")
SCALE = 3


def work(x):
    logging.warning("child handles %s", x)
    QUEUE.put(x)
    return x * SCALE


def init(q):
    global QUEUE
    QUEUE = q


if __name__ == "__main__":
    q = mp.Queue()
    with mp.Pool(1, initializer=init, initargs=(q,)) as pool:
        print(pool.map(work, [1, 2]))
        # Read before the with block terminates the worker: its queue may not have sent both yet.
        print(sorted([q.get(), q.get()]))
