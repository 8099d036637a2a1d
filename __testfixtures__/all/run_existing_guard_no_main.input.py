import multiprocessing as mp


def put(q, value):
    q.put(value)


queue = mp.Queue()
proc = mp.Process(target=put, args=(queue, 42))
proc.start()

if __name__ == "__main__":
    print("got", queue.get())
    proc.join()
