from multiprocessing import (
    Pipe,
    get_context,
)


def run():
    lock = get_context("spawn").Lock()
    q = get_context("spawn").Queue()
    a, b = Pipe()
    return lock, q, a, b
