import multiprocessing as mp
from multiprocessing import Process, get_context


class Worker(mp.get_context("spawn").Process):
    def run(self):
        print("worker")


class Other(get_context("spawn").Process):
    pass


def check(p):
    return isinstance(p, Process)
