"""A flat helper module, as tqdm's std.py: the lock is made when the first bar is."""
from threading import RLock as ThreadLock


class WriteLock:
    def __init__(self):
        self.locks = [ThreadLock()]
        lock = self.create_mp_lock()
        if lock is not None:
            self.locks.append(lock)

    @classmethod
    def create_mp_lock(cls):
        if not hasattr(cls, "mp_lock"):
            try:
                from multiprocessing import RLock

                cls.mp_lock = RLock()
            except (ImportError, OSError):
                cls.mp_lock = None
        return cls.mp_lock
