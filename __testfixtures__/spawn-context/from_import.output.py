from multiprocessing import cpu_count, get_context

_mp_context = get_context("spawn")


def square(x):
    return x * x


def run():
    with _mp_context.Pool(cpu_count()) as pool:
        result = pool.map(square, range(10))
    p = _mp_context.Process(target=square, args=(2,))
    p.start()
    p.join()
    return result
