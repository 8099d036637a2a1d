import multiprocessing as mp

CONFIG = None
THRESHOLD = 10


def work(x):
    return x * CONFIG["scale"] + THRESHOLD + OFFSET + len(np.arange(1))


def setup():
    global CONFIG
    CONFIG = {"scale": 2}


if __name__ == "__main__":
    import numpy as np

    OFFSET = 1
    setup()
    with mp.Pool(2) as pool:
        print(pool.map(work, [1, 2]))
