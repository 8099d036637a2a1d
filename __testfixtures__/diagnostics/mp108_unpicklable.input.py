import multiprocessing as mp
import socket
import sqlite3
import sys
import threading
from multiprocessing import Process

import h5py
import lmdb


def work(handle):
    print(handle)


def init(lock):
    pass


class Reader:
    def __init__(self, path):
        self.env = lmdb.open(path)


class LazyReader:
    def __init__(self, path):
        self.path = path
        self.env = None


class Checkpointed:
    def __init__(self, path):
        self.db = sqlite3.connect(path)

    def __getstate__(self):
        return {"path": self.db}


class Writer(Process):
    def __init__(self, path):
        super().__init__()
        self.db = sqlite3.connect(path)


class Keeper(mp.Process):
    def __init__(self, store, label="x", debug=None):
        super().__init__()
        self.store = store
        self.label = label
        print(debug)


def main(path):
    if len(sys.argv) > 1:
        db = sqlite3.connect(path)
    else:
        db = path
    mp.Process(target=work, args=(db,)).start()
    with open(path) as f:
        mp.Process(target=work, args=(f,)).start()
    mp.Process(target=work, args=(Reader(path),)).start()
    mp.Pool(2, initializer=init, initargs=(threading.Lock(),))
    Writer(path).start()
    Keeper(h5py.File(path), label="y").start()
    Keeper(store=path if path else threading.Event()).start()
    Keeper(path, label=threading.Lock()).start()
    # Not reported: these pickle under spawn, or keep no handle.
    mp.Process(target=work, args=(socket.socket(),)).start()
    mp.Process(target=work, args=(mp.Lock(),)).start()
    mp.Process(target=work, args=(LazyReader(path),)).start()
    mp.Process(target=work, args=(Checkpointed(path),)).start()
    Keeper(path, debug=threading.Lock()).start()
    conn = sqlite3.connect(path)
    mp.Process(target=work, args=(conn.execute("select 1").fetchall(),)).start()
    handles = [path, open(path)]
    mp.Process(target=work, args=(handles,)).start()
