import logging
import multiprocessing as mp

import pandas as pd

logging.basicConfig(level=logging.INFO)
SCALE = 3


def work(x):
    logging.info("x=%s", x)
    return x * SCALE


def init(q):
    global QUEUE
    QUEUE = q


if __name__ == "__main__":
    q = mp.Queue()
    df = pd.DataFrame({"a": [1]})
    df.apply(lambda r: r, axis=1)
    values = list(map(lambda v: v + 1, [1]))
    with mp.Pool(2, initializer=init, initargs=(q,)) as pool:
        print(pool.map(work, values))
