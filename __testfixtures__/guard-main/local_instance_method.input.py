import multiprocessing as mp


def square(x):
    return x * x


class Runner:
    def __init__(self, n):
        self.n = n

    def go(self):
        return self._pool()

    def _pool(self):
        with mp.Pool(2) as pool:
            return pool.map(square, range(self.n))

    def size(self):
        return self.n


LIMIT = 3
runner = Runner(LIMIT)
print("start")
print(runner.size())
print(runner.go())
