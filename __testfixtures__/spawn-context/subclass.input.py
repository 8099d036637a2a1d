import multiprocessing as mp
from multiprocessing import Process


class Worker(mp.Process):
    def run(self):
        print("worker")


class Other(Process):
    pass


def check(p):
    return isinstance(p, Process)
