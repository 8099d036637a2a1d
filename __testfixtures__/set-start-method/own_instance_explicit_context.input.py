import multiprocessing as mp


def square(x):
    return x * x


class Runner:
    def go(self):
        with mp.get_context("spawn").Pool(2) as pool:
            return pool.map(square, [1, 2])


if __name__ == "__main__":
    runner = Runner()
    print(runner.go())
