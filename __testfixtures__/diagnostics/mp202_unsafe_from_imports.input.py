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


def serve():
    with slots, bounded, cond:
        table[0] = tasks.get()
    tasks.task_done()
    gate.wait()
    replies.put(table[0])


def idle():
    gate.wait()


if __name__ == "__main__":
    workers = [Process(target=serve), Process(target=idle, args=())]
    for w in workers:
        w.start()
    tasks.put(7)
    tasks.join()
    print(replies.get())
