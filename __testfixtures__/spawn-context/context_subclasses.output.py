import multiprocessing.pool
from multiprocessing.managers import BaseManager

_mp_context = multiprocessing.get_context("spawn")


class MyManager(BaseManager):
    pass


class MyPool(multiprocessing.pool.Pool):
    pass


class CustomInit(BaseManager):
    def __init__(self, port):
        super().__init__(address=("", port))


def run():
    return MyManager(ctx=_mp_context), MyPool(2, context=_mp_context), CustomInit(5000)
