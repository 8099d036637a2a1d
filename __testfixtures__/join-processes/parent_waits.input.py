import multiprocessing


def produce(queue):
    for n in range(3):
        queue.put(n)
    queue.put(None)


if __name__ == "__main__":
    queue = multiprocessing.Queue()
    multiprocessing.Process(target=produce, args=(queue,)).start()
    while True:
        item = queue.get()
        if item is None:
            break
        print(item)
