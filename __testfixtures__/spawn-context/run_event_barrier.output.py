import multiprocessing as mp

_mp_context = mp.get_context("spawn")


def party(barrier, event, q, i):
    barrier.wait()
    event.wait()
    q.put(i)


if __name__ == "__main__":
    barrier = _mp_context.Barrier(2)
    event = _mp_context.Event()
    q = _mp_context.SimpleQueue()
    procs = [
        _mp_context.Process(target=party, args=(barrier, event, q, i)) for i in range(2)
    ]
    for p in procs:
        p.start()
    event.set()
    print(sorted([q.get(), q.get()]))
    for p in procs:
        p.join()
