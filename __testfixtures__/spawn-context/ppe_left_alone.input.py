import multiprocessing
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor


def run(options, *args, **kwargs):
    a = ProcessPoolExecutor(mp_context=multiprocessing.get_context("spawn"))
    b = ProcessPoolExecutor(2, multiprocessing.get_context("forkserver"))
    c = ProcessPoolExecutor(**options)
    d = ThreadPoolExecutor(4)
    return a, b, c, d
