import multiprocessing


def run(f):
    ctx = multiprocessing.get_context()
    with ctx.Pool() as pool:
        return pool.map(f, [1, 2])
