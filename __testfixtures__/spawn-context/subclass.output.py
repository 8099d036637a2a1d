import multiprocessing as mp
from multiprocessing import Process

_mp_context = mp.get_context("spawn")


class Worker(_mp_context.Process):
    def run(self):
        print("worker")


class Other(_mp_context.Process):
    pass


def check(p):
    return isinstance(p, Process)
