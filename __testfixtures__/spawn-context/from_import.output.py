from multiprocessing import cpu_count, get_context


def square(x):
    return x * x


def run():
    with get_context("spawn").Pool(cpu_count()) as pool:
        result = pool.map(square, range(10))
    p = get_context("spawn").Process(target=square, args=(2,))
    p.start()
    p.join()
    return result
