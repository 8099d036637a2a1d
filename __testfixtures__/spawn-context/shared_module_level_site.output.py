import multiprocessing as mp

_mp_context = mp.get_context("spawn")

q = _mp_context.Queue()

import os


def run(f):
    return _mp_context.Pool(os.cpu_count(), initializer=f, initargs=(q,))
