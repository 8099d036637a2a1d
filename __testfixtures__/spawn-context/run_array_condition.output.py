import multiprocessing as mp

_mp_context = mp.get_context("spawn")


def writer(arr, cond):
    with cond:
        for i in range(len(arr)):
            arr[i] = i * 1.5
        cond.notify_all()


if __name__ == "__main__":
    arr = _mp_context.Array("d", 4)
    cond = _mp_context.Condition(_mp_context.RLock())
    with cond:
        p = _mp_context.Process(target=writer, args=(arr, cond))
        p.start()
        cond.wait_for(lambda: arr[3] != 0, timeout=30)
    p.join()
    print(list(arr))
