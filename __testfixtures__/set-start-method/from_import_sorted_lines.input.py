from multiprocessing import (
    Process,
    cpu_count,
    shared_memory,
)


def work(x):
    return x


if __name__ == "__main__":
    shm = shared_memory.SharedMemory(create=True, size=cpu_count())
    Process(target=work, args=(shm.name,)).start()
