import multiprocessing as mp
from concurrent.futures import ProcessPoolExecutor


def work(x):
    return x


if __name__ == "__main__":
    ctx = mp.get_context("spawn")
    with ctx.Pool(2) as p:
        print(p.map(work, [1]))
    with ProcessPoolExecutor(2, mp_context=ctx) as ex:
        print(list(ex.map(work, [2])))
