from multiprocessing import (
    Pipe,
    get_context,
)

_mp_context = get_context("spawn")


def run():
    lock = _mp_context.Lock()
    q = _mp_context.Queue()
    a, b = Pipe()
    return lock, q, a, b
