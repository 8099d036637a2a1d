import multiprocessing
import os
import sys

if os.name == "nt" or sys.platform == "darwin":
    def chunks(items):
        yield from items
else:
    def chunks(items):
        q = multiprocessing.Queue()
        worker = multiprocessing.Process(target=q.put, args=(list(items),))
        worker.start()
        yield from q.get()
        worker.join()


def pooled(fn, items):
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        return pool.map(fn, items)
