"""Managers and shared ctypes take a ctx argument."""
from multiprocessing.managers import BaseManager, SharedMemoryManager, SyncManager
from multiprocessing import sharedctypes


class MyManager(BaseManager):
    pass


def run():
    sync = SyncManager()
    mine = MyManager(address=("", 50000), authkey=b"abc")
    shm = SharedMemoryManager()
    v = sharedctypes.Value("i", 7)
    a = sharedctypes.Array("d", [1.0, 2.0], lock=False)
    return sync, mine, shm, v, a
