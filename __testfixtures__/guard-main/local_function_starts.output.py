import multiprocessing as mp


def work(x):
    return -x


def run(n):
    with mp.Pool(2) as pool:
        return pool.map(work, range(n))


class Worker(mp.Process):
    def run(self):
        print("worker ran")


def main():
    print(run(3))
    w = Worker()
    w.start()
    w.join()


if __name__ == "__main__":
    main()
