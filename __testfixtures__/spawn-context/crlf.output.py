import multiprocessing as mp

_mp_context = mp.get_context("spawn")


def run(f):
    q = _mp_context.Queue()
    p = _mp_context.Process(target=f, args=(q,))
    return p, q
