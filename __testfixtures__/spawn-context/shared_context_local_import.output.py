# multiprocessing is imported in the method, on purpose (lazily, and guarded): a module-level
# import and _mp_context binding would change what importing this module does.
import os


class Refactor:
    def run(self, count):
        try:
            import multiprocessing
        except ImportError:
            raise RuntimeError("no multiprocessing here")
        self.queue = multiprocessing.get_context("spawn").JoinableQueue()
        self.lock = multiprocessing.get_context("spawn").Lock()
        return [
            multiprocessing.get_context("spawn").Process(target=print, args=(os.sep,))
            for _ in range(count)
        ]
