import multiprocessing as mp
import queue

RESULTS = mp.Queue()


def work(x):
    RESULTS.put(x * x)


if __name__ == "__main__":
    procs = [mp.Process(target=work, args=(i,)) for i in range(2)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    try:
        print(sorted(RESULTS.get(timeout=3) for _ in procs))
    except queue.Empty:
        print("results lost")
