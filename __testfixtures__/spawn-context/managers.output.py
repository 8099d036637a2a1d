"""Managers and shared ctypes take a ctx argument."""
from multiprocessing.managers import BaseManager, SharedMemoryManager, SyncManager
from multiprocessing import get_context, sharedctypes

_mp_context = get_context("spawn")


class MyManager(BaseManager):
    pass


def run():
    sync = SyncManager(ctx=_mp_context)
    mine = MyManager(address=("", 50000), authkey=b"abc", ctx=_mp_context)
    shm = SharedMemoryManager(ctx=_mp_context)
    v = sharedctypes.Value("i", 7, ctx=_mp_context)
    a = sharedctypes.Array("d", [1.0, 2.0], lock=False, ctx=_mp_context)
    return sync, mine, shm, v, a
