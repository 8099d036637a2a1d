import multiprocessing as mp


def square(x):
    return x * x


pool = mp.Pool(2)
print("pool ready")


def main():
    print(pool.map(square, [1, 2, 3]))
    pool.close()
    pool.join()


if __name__ == "__main__":
    main()
