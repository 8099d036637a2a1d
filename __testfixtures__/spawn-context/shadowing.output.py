import multiprocessing as mp
from multiprocessing import get_context


def takes_param(mp):
    return mp.Pool(2)


def local_pool():
    Pool = make_pool
    return Pool(3)


class Holder:
    Queue = list

    def make(self):
        return self.Queue()


def make_pool(n):
    return n


def uses_global_pool():
    return get_context("spawn").Pool(1)


def comprehension():
    return [mp.Lock() for mp in range(3)]
