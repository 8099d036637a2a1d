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


def rebound(values, factor):
    factor = factor * 2

    def scale_rebound(x):
        return x * factor

    with mp.Pool(2) as pool:
        return pool.map(scale_rebound, values)


def local(values):
    factor = 3

    def scale_local(x):
        return x * factor

    with mp.Pool(2) as pool:
        return pool.map(scale_local, values)


def called_too(values, factor):
    def scale_called_too(x):
        return x * factor

    scale_called_too(1)
    with mp.Pool(2) as pool:
        return pool.map(scale_called_too, values)


def default_value(values, factor):
    def scale_default_value(x, k=factor):
        return x * k + factor

    with mp.Pool(2) as pool:
        return pool.map(scale_default_value, values)


class Job:
    def run(self, values, factor):
        def scale_job(x):
            return x * factor

        with mp.Pool(2) as pool:
            return pool.map(scale_job, values)
