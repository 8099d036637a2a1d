"""Module-level objects that workers read: moved into main() with --unsafe-fixes."""
import multiprocessing as mp
from concurrent.futures import ProcessPoolExecutor


def producer(results, start):
    start.wait()
    results.put("ready")


def consumer(results, lock, n, tag="x"):
    with lock:
        print(tag, n)
    results.put(n)


def count(x):
    with hits.get_lock():
        hits.value += 1
    return x


def _init_shared(hits_):
    # Sets, in each pool worker, the objects the parent made
    # (spawn children do not inherit them).
    global hits
    hits = hits_


def main():
    """Runs everything."""
    import time

    # Results come back through this queue.
    results = mp.Queue()
    lock = mp.Lock()  # guards the print
    start = mp.Event()
    hits = mp.Value("i", 0)
    procs = [mp.Process(target=producer, args=(results, start))]
    procs += [mp.Process(target=consumer, args=[results, lock, n]) for n in range(2)]
    procs.append(
        mp.Process(target=consumer, args=(results, lock, 9), kwargs={"tag": "y"})
    )
    for p in procs:
        p.start()
    start.set()
    with ProcessPoolExecutor(2, initializer=_init_shared, initargs=(hits,)) as pool:
        list(pool.map(count, range(3)))
    print(sorted(str(results.get()) for _ in procs), hits.value, time.time() > 0)


if __name__ == "__main__":
    main()
