from multiprocessing import (
    Process,
    cpu_count,
    set_start_method,
    shared_memory,
)


def work(x):
    return x


if __name__ == "__main__":
    set_start_method("spawn")
    shm = shared_memory.SharedMemory(create=True, size=cpu_count())
    Process(target=work, args=(shm.name,)).start()
