import multiprocessing as mp


def run(f):
    ctx = mp.get_context("fork")
    server = mp.get_context("fork")  # mp-codemod: keep-fork
    return ctx.Pool(2), server
