import multiprocessing as mp


def run(f):
    q = mp.get_context("spawn").Queue()
    p = mp.get_context("spawn").Process(target=f, args=(q,))
    return p, q
