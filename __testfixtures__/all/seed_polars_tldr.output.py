from multiprocessing import get_context


def my_fun(s):
    print(s)


def main():
    with get_context("spawn").Pool() as pool:
        pool.map(my_fun, ["input1", "input2", ...])


if __name__ == "__main__":
    main()
