from multiprocessing import get_context as gc


def run(f, xs):
    other = gc("spawn")
    with gc("spawn").Pool(2) as pool:
        return pool.map(f, xs), other
