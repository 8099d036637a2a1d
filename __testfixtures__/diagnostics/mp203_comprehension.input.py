import multiprocessing as mp
from functools import partial


def work(q, n):
    q.put(n)


def work_pair(pair):
    q, n = pair
    q.put(n)


if __name__ == "__main__":
    queue = mp.Queue()
    xs = range(3)
    with mp.Pool(2) as pool:
        pool.map(work_pair, [(queue, n) for n in xs])
        pool.starmap(work, [(queue, n) for n in xs])
        pool.imap_unordered(work_pair, ((queue, n) for n in xs))
        pool.starmap(work, [(queue, 1), (queue, 2)])
        pool.map(partial(work, queue), xs)
