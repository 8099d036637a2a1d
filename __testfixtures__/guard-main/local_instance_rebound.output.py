import multiprocessing as mp


def square(x):
    return x * x


class Runner:
    def __init__(self, n):
        self.n = n

    def go(self):
        with mp.Pool(2) as pool:
            return pool.map(square, range(self.n))


def report():
    print("size", runner.n)


def main():
    global runner
    runner = Runner(2)
    print(runner.go())
    runner = Runner(3)
    print(runner.go())
    report()


if __name__ == "__main__":
    main()
