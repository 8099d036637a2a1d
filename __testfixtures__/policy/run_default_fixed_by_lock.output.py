import multiprocessing as mp

_mp_context = mp.get_context("spawn")

LOCK = _mp_context.Lock()


def work(x):
    return x * 2


if __name__ == "__main__":
    with LOCK:
        with _mp_context.Pool(2) as pool:
            print(pool.map(work, range(3)))
