"""Managers and shared ctypes take a ctx argument."""
from multiprocessing.managers import BaseManager, SharedMemoryManager, SyncManager
from multiprocessing import sharedctypes
import multiprocessing


class MyManager(BaseManager):
    pass


def run():
    sync = SyncManager(ctx=multiprocessing.get_context("spawn"))
    mine = MyManager(
        address=("", 50000), authkey=b"abc", ctx=multiprocessing.get_context("spawn")
    )
    shm = SharedMemoryManager(ctx=multiprocessing.get_context("spawn"))
    v = sharedctypes.Value("i", 7, ctx=multiprocessing.get_context("spawn"))
    a = sharedctypes.Array(
        "d", [1.0, 2.0], lock=False, ctx=multiprocessing.get_context("spawn")
    )
    return sync, mine, shm, v, a
