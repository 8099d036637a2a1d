import functools
import multiprocessing as mp


def scale(factor, queue, x):
    queue.put(x * factor)


def hello(greeting, name):
    print(greeting, name, flush=True)


def run(factor, greeting):
    queue = mp.Queue()
    p = mp.Process(target=functools.partial(scale, factor), args=(queue, 3))
    p.start()
    print("scaled", queue.get(), flush=True)
    p.join()
    p = mp.Process(target=functools.partial(hello, greeting), args=("child",))
    p.start()
    p.join()
    print("exit code", p.exitcode)


if __name__ == "__main__":
    run(10, "hi")
