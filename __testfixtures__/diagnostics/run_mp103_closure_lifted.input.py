import multiprocessing as mp


def run(factor, greeting):
    def scale(queue, x):
        queue.put(x * factor)

    def hello(name):
        print(greeting, name, flush=True)

    queue = mp.Queue()
    p = mp.Process(target=scale, args=(queue, 3))
    p.start()
    print("scaled", queue.get(), flush=True)
    p.join()
    p = mp.Process(target=hello, args=("child",))
    p.start()
    p.join()
    print("exit code", p.exitcode)


if __name__ == "__main__":
    run(10, "hi")
