# multiprocessing is imported in a try: a module-level binding after the imports would run
# before it (NameError), and after it could call get_context on None.
import threading

try:
    import multiprocessing
except ImportError:
    multiprocessing = None


def serve(lock):
    queue = multiprocessing.Queue()
    process = multiprocessing.Process(target=print, args=(queue, lock))
    process.start()
    process.join()
