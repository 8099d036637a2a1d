import multiprocessing.pool
from multiprocessing.managers import BaseManager


class MyManager(BaseManager):
    pass


class MyPool(multiprocessing.pool.Pool):
    pass


class CustomInit(BaseManager):
    def __init__(self, port):
        super().__init__(address=("", port))


def run():
    return MyManager(), MyPool(2), CustomInit(5000)
