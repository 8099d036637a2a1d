import multiprocessing as mp

_mp_context = mp.get_context("spawn")


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
    jq = _mp_context.JoinableQueue()
    sem = _mp_context.BoundedSemaphore(1)
    out = _mp_context.Queue()
    p = _mp_context.Process(target=consume, args=(jq, sem, out))
    p.start()
    for i in range(3):
        jq.put(i)
    jq.put(None)
    jq.join()
    print(sorted(out.get() for _ in range(3)))
    p.join()
