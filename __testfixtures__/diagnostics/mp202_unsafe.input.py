"""Module-level objects that workers read: moved into main() with --unsafe-fixes."""
import multiprocessing as mp
from concurrent.futures import ProcessPoolExecutor

# Results come back through this queue.
results = mp.Queue()
lock = mp.Lock()  # guards the print
start = mp.Event()
hits = mp.Value("i", 0)


def producer():
    start.wait()
    results.put("ready")


def consumer(n, tag="x"):
    with lock:
        print(tag, n)
    results.put(n)


def count(x):
    with hits.get_lock():
        hits.value += 1
    return x


def main():
    """Runs everything."""
    import time

    procs = [mp.Process(target=producer)]
    procs += [mp.Process(target=consumer, args=[n]) for n in range(2)]
    procs.append(mp.Process(target=consumer, args=(9,), kwargs={"tag": "y"}))
    for p in procs:
        p.start()
    start.set()
    with ProcessPoolExecutor(2) as pool:
        list(pool.map(count, range(3)))
    print(sorted(str(results.get()) for _ in procs), hits.value, time.time() > 0)


if __name__ == "__main__":
    main()
