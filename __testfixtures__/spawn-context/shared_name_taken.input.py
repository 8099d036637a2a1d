import multiprocessing as mp

_mp_context = None


def run(f):
    q = mp.Queue()
    return mp.Process(target=f, args=(q,))
