import multiprocessing

_mp_context = multiprocessing.get_context("spawn")


def init(counter, lock):
    global COUNTER, LOCK
    COUNTER, LOCK = counter, lock


def add(n):
    with LOCK:
        COUNTER.value += n
    return n


if __name__ == "__main__":
    counter = _mp_context.Value("i", 0)
    lock = _mp_context.Lock()
    with _mp_context.Pool(2, initializer=init, initargs=(counter, lock)) as pool:
        pool.map(add, range(10))
    print("total", counter.value)
