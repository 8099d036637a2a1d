from concurrent.futures import ProcessPoolExecutor
from functools import partial
import multiprocessing as mp


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
