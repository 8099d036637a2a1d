def thread_lock():
    from threading import RLock
    return RLock()


class Bar:
    @classmethod
    def create_mp_lock(cls):
        from multiprocessing import get_context
        cls.mp_lock = get_context("spawn").RLock()
