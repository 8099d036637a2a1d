import multiprocessing as mp


class Worker(mp.get_context("spawn").Process):
    def __init__(self, q, n):
        super().__init__()
        self.q = q
        self.n = n

    def run(self):
        self.q.put(self.n * 10)


if __name__ == "__main__":
    q = mp.get_context("spawn").Queue()
    workers = [Worker(q, i) for i in range(3)]
    for w in workers:
        w.start()
    print(sorted(q.get() for _ in workers))
    for w in workers:
        w.join()
