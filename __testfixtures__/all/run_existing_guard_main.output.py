import multiprocessing as mp


def square(x):
    return x * x


def main():
    pool = mp.Pool(2)
    print("pool ready")
    print(pool.map(square, [1, 2, 3]))
    pool.close()
    pool.join()


if __name__ == "__main__":
    mp.set_start_method("spawn")
    main()
