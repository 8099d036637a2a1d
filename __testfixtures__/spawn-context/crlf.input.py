import multiprocessing as mp


def run(f):
    q = mp.Queue()
    p = mp.Process(target=f, args=(q,))
    return p, q
