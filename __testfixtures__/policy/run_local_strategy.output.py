import multiprocessing as mp


def square(x):
    return x * x


def main():
    print("start")
    with mp.get_context("spawn").Pool(2) as pool:
        print(pool.map(square, range(6)))
    lock = mp.get_context("spawn").Lock()
    with lock:
        print("locked")


if __name__ == "__main__":
    main()
