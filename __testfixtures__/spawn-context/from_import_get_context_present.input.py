from multiprocessing import Pool, get_context as gc


def run(f, xs):
    other = gc("spawn")
    with Pool(2) as pool:
        return pool.map(f, xs), other
