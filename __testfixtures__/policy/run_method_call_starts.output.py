import multiprocessing as mp


def square(x):
    return x * x


class Runner:
    def run(self):
        with mp.Pool(2) as pool:
            return pool.map(square, range(4))


def main():
    print(Runner().run())


if __name__ == "__main__":
    mp.set_start_method("spawn")
    main()
