from multiprocessing import *


def run(f):
    q = Queue()
    p = Process(target=f, args=(q,))
    p.start()
    return q.get()
