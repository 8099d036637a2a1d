import multiprocessing as mp


def square(x):
    return x * x


def main():
    print("start")
    pool = mp.Pool(2)
    print(pool.map(square, range(6)))
    pool.close()
    pool.join()
    print("end")


if __name__ == "__main__":
    mp.set_start_method("spawn")
    main()
