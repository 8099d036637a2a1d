import multiprocessing as mp


class Worker:
    def __call__(self):
        print("child")


def report():
    print("done")


Worker = mp.Process(target=Worker())
Worker.start()
Worker.join()
report()
