import multiprocessing as mp


def party(barrier, event, q, i):
    barrier.wait()
    event.wait()
    q.put(i)


if __name__ == "__main__":
    barrier = mp.Barrier(2)
    event = mp.Event()
    q = mp.SimpleQueue()
    procs = [mp.Process(target=party, args=(barrier, event, q, i)) for i in range(2)]
    for p in procs:
        p.start()
    event.set()
    print(sorted([q.get(), q.get()]))
    for p in procs:
        p.join()
