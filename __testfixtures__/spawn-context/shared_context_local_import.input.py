# multiprocessing is imported in the method, on purpose (lazily, and guarded): a module-level
# import and _mp_context binding would change what importing this module does.
import os


class Refactor:
    def run(self, count):
        try:
            import multiprocessing
        except ImportError:
            raise RuntimeError("no multiprocessing here")
        self.queue = multiprocessing.JoinableQueue()
        self.lock = multiprocessing.Lock()
        return [multiprocessing.Process(target=print, args=(os.sep,)) for _ in range(count)]
