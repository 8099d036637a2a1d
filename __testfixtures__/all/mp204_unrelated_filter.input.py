import multiprocessing as mp
import warnings


def square(x):
    return x * x


def check_parser():
    # This check's own filter: no worker runs while it is set.
    warnings.filterwarnings("ignore", ".*deprecated.*")
    assert int("3") == 3


def main():
    with mp.Pool(2) as pool:
        print(pool.map(square, [1, 2, 3]))


if __name__ == "__main__":
    main()
