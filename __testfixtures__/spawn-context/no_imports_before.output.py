# A comment first.
import multiprocessing


def run(f):
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("spawn")) as ex:
        return ex.submit(f)
