import multiprocessing as mp


def run():
    return mp.get_context("spawn").Lock()
