import multiprocessing as mp


def writer(arr, cond):
    with cond:
        for i in range(len(arr)):
            arr[i] = i * 1.5
        cond.notify_all()


if __name__ == "__main__":
    arr = mp.Array("d", 4)
    cond = mp.Condition(mp.RLock())
    with cond:
        p = mp.Process(target=writer, args=(arr, cond))
        p.start()
        cond.wait_for(lambda: arr[3] != 0, timeout=30)
    p.join()
    print(list(arr))
