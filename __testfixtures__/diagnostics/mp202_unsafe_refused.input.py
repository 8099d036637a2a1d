import multiprocessing as mp

# Read by a helper that is no worker.
first = mp.Queue()
# Its worker is also called by the parent.
second = mp.Lock()
# Its pool has an initializer already.
third = mp.Event()
# Used at module level too.
fourth = mp.Semaphore(2)
fourth.acquire()


def helper():
    return first.qsize()


def reads_first(x):
    first.put(x)


def reads_second(x):
    with second:
        return x


def reads_third(x):
    third.wait()
    return x


def reads_fourth(x):
    with fourth:
        return x


def init():
    pass


if __name__ == "__main__":
    reads_second(0)
    ps = [mp.Process(target=reads_first, args=(1,)), mp.Process(target=reads_second, args=(2,))]
    ps.append(mp.Process(target=reads_fourth, args=(3,)))
    with mp.Pool(2, initializer=init) as pool:
        pool.map(reads_third, range(2))
    print(helper())
