import billiard
import multiprocess as dillmp


def run(f):
    with billiard.Pool(2) as pool:
        pool.map(f, [1])
    return dillmp.Process(target=f)
