import multiprocessing as mp
from functools import partial

MODEL = None


def init(scale, offset=0):
    global MODEL, OFFSET
    MODEL = {"scale": scale}
    OFFSET = offset


def work(x):
    return x * MODEL["scale"] + OFFSET + LATE


if __name__ == "__main__":
    LATE = 1
    with mp.Pool(2, initializer=partial(init, 3, offset=1)) as pool:
        print(pool.map(work, [1, 2]))
