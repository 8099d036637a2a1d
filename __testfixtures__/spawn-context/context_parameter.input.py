import multiprocessing


def work(queue, n):
    queue.put(n * n)


def run_all(mp_context, count):
    # The caller picks the method; the manager should follow it, not a fixed one.
    manager = multiprocessing.Manager()
    queue = manager.Queue()
    procs = [mp_context.Process(target=work, args=(queue, n)) for n in range(count)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    return sorted(queue.get() for _ in procs)


def run_pool(items):
    with multiprocessing.Pool(2) as pool:
        return pool.map(abs, items)
