"""As fairseq's pdb.py: a lock made while the module is imported fixes the default context."""
import multiprocessing
import sys

_stdin_lock = multiprocessing.Lock()


def read_line():
    with _stdin_lock:
        return sys.stdin.readline()


def run(target):
    p = multiprocessing.Process(target=target)
    p.start()
    p.join()
