from multiprocessing import (
    Array,
    Barrier,
    BoundedSemaphore,
    Condition,
    JoinableQueue,
    Process,
    RLock,
    Semaphore,
    SimpleQueue,
)


def serve(tasks, replies, table, gate, slots, bounded, cond):
    with slots, bounded, cond:
        table[0] = tasks.get()
    tasks.task_done()
    gate.wait()
    replies.put(table[0])


def idle(gate):
    gate.wait()


if __name__ == "__main__":
    tasks = JoinableQueue()
    replies = SimpleQueue()
    table = Array(
        "i",
        [0, 0, 0],
    )
    gate = Barrier(2)
    slots = Semaphore(2)
    bounded = BoundedSemaphore(1)
    cond = Condition(RLock())
    workers = [
        Process(target=serve, args=(tasks, replies, table, gate, slots, bounded, cond)),
        Process(target=idle, args=(gate,)),
    ]
    for w in workers:
        w.start()
    tasks.put(7)
    tasks.join()
    print(replies.get())
