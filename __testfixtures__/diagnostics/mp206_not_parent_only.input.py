import multiprocessing as mp
import string
import sys


def is_digit(c):
    # The worker's own setting: it runs in the child.
    string.digits = "0123"
    return c in string.digits


def report():
    # Not on the way to the pool: nothing starts from here.
    string.digits = "01"
    return string.digits


def main():
    sys.stdout = sys.__stdout__
    with mp.Pool(1) as pool:
        print(pool.map(is_digit, ["0", "5"]))


if __name__ == "__main__":
    main()
