import multiprocessing as mp


def work(x):
    return x * 2


def main():
    procs = [mp.Process(target=work, args=(i,)) for i in range(2)]
    with mp.Pool(2) as pool:
        print(pool.map(work, [1, 2, 3]))
    manager = mp.Manager()
    q = mp.Queue()
    jq = mp.JoinableQueue()
    sq = mp.SimpleQueue()
    lock = mp.Lock()
    rlock = mp.RLock()
    cond = mp.Condition(lock)
    sem = mp.Semaphore(2)
    bsem = mp.BoundedSemaphore(2)
    event = mp.Event()
    barrier = mp.Barrier(2)
    value = mp.Value("i", 0)
    array = mp.Array("d", 3)
    return procs, manager, q, jq, sq, rlock, cond, sem, bsem, event, barrier, value, array


if __name__ == "__main__":
    main()
