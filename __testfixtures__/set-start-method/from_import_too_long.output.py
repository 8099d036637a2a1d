from multiprocessing import (
    Barrier,
    Event,
    Lock,
    Process,
    Queue,
    cpu_count,
    set_start_method,
    shared_memory,
)


def work(lock, q, event, barrier):
    with lock:
        q.put(1)
    event.set()
    barrier.wait()


if __name__ == "__main__":
    set_start_method("spawn")
    args = (Lock(), Queue(), Event(), Barrier(cpu_count()))
    procs = [Process(target=work, args=args) for _ in range(cpu_count())]
    shared_memory.ShareableList([1])
