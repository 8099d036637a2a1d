import multiprocessing as mp

_mp_context = None


def run(f):
    q = mp.get_context("spawn").Queue()
    return mp.get_context("spawn").Process(target=f, args=(q,))
