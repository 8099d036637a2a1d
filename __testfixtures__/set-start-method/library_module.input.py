import multiprocessing as mp

mp.set_start_method("spawn")


def pool(n):
    return mp.Pool(n)
