import multiprocessing as mp

_mp_context = mp.get_context("spawn")


class Worker(_mp_context.Process):
    def __init__(self, q, n):
        super().__init__()
        self.q = q
        self.n = n

    def run(self):
        self.q.put(self.n * 10)


if __name__ == "__main__":
    q = _mp_context.Queue()
    workers = [Worker(q, i) for i in range(3)]
    for w in workers:
        w.start()
    print(sorted(q.get() for _ in workers))
    for w in workers:
        w.join()
