import multiprocessing


def init(counter, lock):
    global COUNTER, LOCK
    COUNTER, LOCK = counter, lock


def add(n):
    with LOCK:
        COUNTER.value += n
    return n


if __name__ == "__main__":
    counter = multiprocessing.get_context("spawn").Value("i", 0)
    lock = multiprocessing.get_context("spawn").Lock()
    with multiprocessing.get_context("spawn").Pool(
        2, initializer=init, initargs=(counter, lock)
    ) as pool:
        pool.map(add, range(10))
    print("total", counter.value)
