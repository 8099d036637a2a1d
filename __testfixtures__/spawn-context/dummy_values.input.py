import multiprocessing.dummy
import multiprocessing.dummy as threads
from multiprocessing import dummy
from multiprocessing.dummy import Array, Lock, Value
from multiprocessing.dummy import Pool as ThreadPool


def make(factory=threads.Array, lock=dummy.Lock, pool=ThreadPool, arr=Array, val=Value):
    counter = multiprocessing.dummy.Value
    queue = threads.Queue
    held = Lock
    return factory, lock, counter, queue, held, pool, arr, val
