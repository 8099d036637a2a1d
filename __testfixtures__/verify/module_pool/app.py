import multiprocessing as mp


def square(x):
    return x * x


pool = mp.Pool(2)


def main():
    print(pool.map(square, [1, 2, 3]))


if __name__ == "__main__":
    main()
