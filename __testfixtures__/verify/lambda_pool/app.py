import multiprocessing as mp


def square(x):
    return x * x


def main():
    with mp.Pool(2, initializer=lambda: None) as pool:
        print(pool.map(square, [1, 2, 3]))


if __name__ == "__main__":
    main()
