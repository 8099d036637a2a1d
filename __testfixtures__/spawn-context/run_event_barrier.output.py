import multiprocessing as mp


def party(barrier, event, q, i):
    barrier.wait()
    event.wait()
    q.put(i)


if __name__ == "__main__":
    barrier = mp.get_context("spawn").Barrier(2)
    event = mp.get_context("spawn").Event()
    q = mp.get_context("spawn").SimpleQueue()
    procs = [
        mp.get_context("spawn").Process(target=party, args=(barrier, event, q, i))
        for i in range(2)
    ]
    for p in procs:
        p.start()
    event.set()
    print(sorted([q.get(), q.get()]))
    for p in procs:
        p.join()
