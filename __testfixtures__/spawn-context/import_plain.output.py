import multiprocessing

_mp_context = multiprocessing.get_context("spawn")


def square(x):
    return x * x


def run():
    p = _mp_context.Process(target=square, args=(3,))
    p.start()
    p.join()
    with _mp_context.Pool(processes=4) as pool:
        return pool.map(square, range(10))
