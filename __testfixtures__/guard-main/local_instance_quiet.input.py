import multiprocessing as mp


def square(x):
    return x * x


class Runner:
    def __init__(self, n):
        self.n = n

    def go(self):
        with mp.Pool(2) as pool:
            return pool.map(square, range(self.n))

    def size(self):
        return self.n


runner = Runner(3)
print(runner.size())
