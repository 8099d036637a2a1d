import multiprocessing as mp


def work(x):
    return x * 2


def main():
    procs = [mp.get_context("spawn").Process(target=work, args=(i,)) for i in range(2)]
    with mp.get_context("spawn").Pool(2) as pool:
        print(pool.map(work, [1, 2, 3]))
    manager = mp.get_context("spawn").Manager()
    q = mp.get_context("spawn").Queue()
    jq = mp.get_context("spawn").JoinableQueue()
    sq = mp.get_context("spawn").SimpleQueue()
    lock = mp.get_context("spawn").Lock()
    rlock = mp.get_context("spawn").RLock()
    cond = mp.get_context("spawn").Condition(lock)
    sem = mp.get_context("spawn").Semaphore(2)
    bsem = mp.get_context("spawn").BoundedSemaphore(2)
    event = mp.get_context("spawn").Event()
    barrier = mp.get_context("spawn").Barrier(2)
    value = mp.get_context("spawn").Value("i", 0)
    array = mp.get_context("spawn").Array("d", 3)
    return procs, manager, q, jq, sq, rlock, cond, sem, bsem, event, barrier, value, array


if __name__ == "__main__":
    main()
