import multiprocessing as mp


def put(q, value):
    q.put(value)


if __name__ == "__main__":
    mp.set_start_method("spawn")
    queue = mp.Queue()
    proc = mp.Process(target=put, args=(queue, 42))
    proc.start()
    print("got", queue.get())
    proc.join()
