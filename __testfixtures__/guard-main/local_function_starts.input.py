import multiprocessing as mp


def work(x):
    return -x


def run(n):
    with mp.Pool(2) as pool:
        return pool.map(work, range(n))


class Worker(mp.Process):
    def run(self):
        print("worker ran")


print(run(3))
w = Worker()
w.start()
w.join()
