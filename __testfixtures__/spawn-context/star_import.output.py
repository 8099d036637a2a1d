from multiprocessing import *


def run(f):
    q = get_context("spawn").Queue()
    p = get_context("spawn").Process(target=f, args=(q,))
    p.start()
    return q.get()
