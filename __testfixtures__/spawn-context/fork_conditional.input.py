import multiprocessing as mp
import sys


def run(f):
    ctx = mp.get_context("spawn" if sys.platform == "win32" else "fork")
    other = mp.get_context(("fork") if f else "forkserver")
    kept = mp.get_context("spawn" if f else "fork")  # mp-codemod: keep-fork
    plain = mp.get_context("spawn" if f else "forkserver")
    return ctx.Pool(2), other, kept, plain
