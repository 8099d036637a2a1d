from concurrent.futures import ProcessPoolExecutor
from functools import partial
import multiprocessing as mp


def run(values, factor, offset=0):
    def scale(x):
        return x * factor + offset

    with ProcessPoolExecutor() as ex:
        return list(ex.map(scale, values))


def start(queue, name):
    def noargs():
        queue.put(name)

    if name:
        p = mp.Process(target=noargs)
        p.start()
        return p

