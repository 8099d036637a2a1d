import multiprocessing


def square(x):
    return x * x


def run():
    p = multiprocessing.get_context("spawn").Process(target=square, args=(3,))
    p.start()
    p.join()
    with multiprocessing.get_context("spawn").Pool(processes=4) as pool:
        return pool.map(square, range(10))
