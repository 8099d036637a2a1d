import multiprocessing as mp


def show():
    print(f"{mp.Lock()}")
