from concurrent.futures import ProcessPoolExecutor
from functools import partial
import multiprocessing as mp


def scale(factor, offset, x):
    return x * factor + offset


def run(values, factor, offset=0):
    with ProcessPoolExecutor() as ex:
        return list(ex.map(partial(scale, factor, offset), values))


def noargs(queue, name):
    queue.put(name)


def start(queue, name):
    if name:
        p = mp.Process(target=partial(noargs, queue, name))
        p.start()
        return p

