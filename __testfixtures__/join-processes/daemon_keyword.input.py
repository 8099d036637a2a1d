import multiprocessing


def serve(queue):
    while True:
        queue.get()


if __name__ == "__main__":
    queue = multiprocessing.Queue()
    multiprocessing.Process(target=serve, args=(queue,), daemon=True).start()
    queue.put(1)
