import multiprocessing as mp

_mp_context = mp.get_context("spawn")


def work(x):
    return x * 2


def main():
    procs = [_mp_context.Process(target=work, args=(i,)) for i in range(2)]
    with _mp_context.Pool(2) as pool:
        print(pool.map(work, [1, 2, 3]))
    manager = _mp_context.Manager()
    q = _mp_context.Queue()
    jq = _mp_context.JoinableQueue()
    sq = _mp_context.SimpleQueue()
    lock = _mp_context.Lock()
    rlock = _mp_context.RLock()
    cond = _mp_context.Condition(lock)
    sem = _mp_context.Semaphore(2)
    bsem = _mp_context.BoundedSemaphore(2)
    event = _mp_context.Event()
    barrier = _mp_context.Barrier(2)
    value = _mp_context.Value("i", 0)
    array = _mp_context.Array("d", 3)
    return procs, manager, q, jq, sq, rlock, cond, sem, bsem, event, barrier, value, array


if __name__ == "__main__":
    main()
