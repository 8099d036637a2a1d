import multiprocessing as mp


def run(values, factor):
    def scale(x):
        return x * factor

    with mp.Pool(2) as pool:
        return pool.map(scale, values)
