import multiprocessing as mp


def context():
    try:
        return mp.get_context("fork")
    except ValueError:
        return mp.get_context("spawn")


def any_context():
    try:
        ctx = mp.get_context("fork")
    except:
        ctx = None
    return ctx
