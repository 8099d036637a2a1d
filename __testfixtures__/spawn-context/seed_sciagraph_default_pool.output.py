import multiprocessing as mp

_mp_context = mp.get_context("spawn")


def printer():
    print("hello")


if __name__ == '__main__':
    p = _mp_context.Process(target=printer)
    p.start()
    p.join()
    with _mp_context.Pool(4) as pool:
        pool.map(print, ["a", "b"])
