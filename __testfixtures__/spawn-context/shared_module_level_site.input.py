import multiprocessing as mp

q = mp.Queue()

import os


def run(f):
    return mp.Pool(os.cpu_count(), initializer=f, initargs=(q,))
