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
    return (
        MyManager(ctx=multiprocessing.get_context("spawn")),
        MyPool(2, context=multiprocessing.get_context("spawn")),
        CustomInit(5000),
    )
