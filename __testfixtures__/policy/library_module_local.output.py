"""A module of a package: others import it, and the tool cannot see them all."""
import multiprocessing

_mp_context = multiprocessing.get_context("spawn")


def square(x):
    return x * x


def _drain(q, items):
    for item in items:
        q.put(square(item))


def squares(items, processes=2):
    with _mp_context.Pool(processes) as pool:
        return pool.map(square, items)


def queued(items):
    q = _mp_context.Queue()
    p = _mp_context.Process(target=_drain, args=(q, items))
    p.start()
    out = [q.get() for _ in items]
    p.join()
    return out
