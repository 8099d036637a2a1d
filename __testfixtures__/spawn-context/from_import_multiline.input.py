from multiprocessing import (
    Lock,
    Pipe,
    Queue as Q,
)


def run():
    lock = Lock()
    q = Q()
    a, b = Pipe()
    return lock, q, a, b
