import multiprocessing as mp


def run():
    return mp.Lock()
