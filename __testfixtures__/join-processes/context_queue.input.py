import multiprocessing
from functools import partial


def worker(queue, n):
    queue.put(n)


def run(ctx):
    pass


if __name__ == "__main__":
    ctx = multiprocessing.get_context("spawn")
    queue = ctx.Queue()
    with open("log.txt", "w") as log:
        ctx.Process(target=partial(worker, queue), args=(1,)).start()
        log.write("started\n")
