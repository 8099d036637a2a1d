import multiprocessing as mp
from multiprocessing import get_context

ctx = mp.get_context("spawn")


def run(f):
    with ctx.Pool(2) as pool:
        pool.map(f, [1])
    q = get_context("forkserver").Queue()
    p = mp.get_context("spawn").Process(target=f, args=(q,))
    return p
