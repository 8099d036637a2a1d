import multiprocessing as mp


def show():
    print(f"{mp.get_context('spawn').Lock()}")
