import functools
import multiprocessing as mp

# Two proxies of one manager.
manager = mp.Manager()
left = manager.list()
right = manager.list()
# Handed over through args that are not spelled out.
queue = mp.Queue()
# Its worker is decorated.
lock = mp.Lock()
# Its worker rebinds it.
event = mp.Event()
# Its pool's second positional argument is an initializer.
barrier = mp.Barrier(2)


def both(x):
    left.append(x)
    right.append(x)


def put(x):
    queue.put(x)


@functools.lru_cache(None)
def locked(x):
    with lock:
        return x


def rebinds(x):
    global event
    event.set()
    event = None


def waits(x):
    barrier.wait()


def init():
    pass


if __name__ == "__main__":
    given = (1,)
    ps = [mp.Process(target=both, args=(0,)), mp.Process(target=put, args=given)]
    ps += [mp.Process(target=locked, args=(2,)), mp.Process(target=rebinds, args=(3,))]
    with mp.Pool(2, init) as pool:
        pool.map(waits, range(2))
