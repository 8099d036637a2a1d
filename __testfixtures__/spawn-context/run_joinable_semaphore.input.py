import multiprocessing as mp


def consume(jq, sem, out):
    while True:
        item = jq.get()
        if item is None:
            jq.task_done()
            break
        with sem:
            out.put(item + 100)
        jq.task_done()


if __name__ == "__main__":
    jq = mp.JoinableQueue()
    sem = mp.BoundedSemaphore(1)
    out = mp.Queue()
    p = mp.Process(target=consume, args=(jq, sem, out))
    p.start()
    for i in range(3):
        jq.put(i)
    jq.put(None)
    jq.join()
    print(sorted(out.get() for _ in range(3)))
    p.join()
