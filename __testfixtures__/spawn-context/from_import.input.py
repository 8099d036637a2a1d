from multiprocessing import Pool, Process, cpu_count


def square(x):
    return x * x


def run():
    with Pool(cpu_count()) as pool:
        result = pool.map(square, range(10))
    p = Process(target=square, args=(2,))
    p.start()
    p.join()
    return result
