"""As fairseq's pdb.py: a lock made while the module is imported fixes the default context."""
import multiprocessing
import sys

_mp_context = multiprocessing.get_context("spawn")

_stdin_lock = _mp_context.Lock()


def read_line():
    with _stdin_lock:
        return sys.stdin.readline()


def run(target):
    p = _mp_context.Process(target=target)
    p.start()
    p.join()
