def thread_lock():
    from threading import RLock
    return RLock()


class Bar:
    @classmethod
    def create_mp_lock(cls):
        from multiprocessing import RLock
        cls.mp_lock = RLock()
