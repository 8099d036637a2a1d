"""A module of a package: others import it, and the tool cannot see them all."""
import multiprocessing
from multiprocessing import Pool, Queue


def square(x):
    return x * x


def _drain(q, items):
    for item in items:
        q.put(square(item))


def squares(items, processes=2):
    with Pool(processes) as pool:
        return pool.map(square, items)


def queued(items):
    q = Queue()
    p = multiprocessing.Process(target=_drain, args=(q, items))
    p.start()
    out = [q.get() for _ in items]
    p.join()
    return out
