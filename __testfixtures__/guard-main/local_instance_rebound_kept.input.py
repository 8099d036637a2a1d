import multiprocessing as mp


def scaled(x):
    return x * runner.n


class Runner:
    def __init__(self, n):
        self.n = n

    def go(self):
        with mp.Pool(2) as pool:
            return pool.map(scaled, range(self.n))


runner = Runner(2)
print(runner.go())
runner = Runner(3)
print(runner.go())
