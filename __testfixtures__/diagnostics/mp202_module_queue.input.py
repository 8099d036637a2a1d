import multiprocessing as mp

results = mp.Queue()
lock = mp.Lock()


def work(x):
    with lock:
        results.put(x)


def fine(q, x):
    q.put(x)


if __name__ == "__main__":
    q = mp.Queue()
    procs = [mp.Process(target=work, args=(1,)), mp.Process(target=fine, args=(q, 1))]
