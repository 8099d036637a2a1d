import multiprocessing as mp


def square(x):
    return x * x


class Runner:
    def run(self):
        with mp.Pool(2) as pool:
            return pool.map(square, range(4))


print(Runner().run())
