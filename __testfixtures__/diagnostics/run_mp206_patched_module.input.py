import multiprocessing as mp
import string


def is_digit(c):
    return c in string.digits


def main():
    # Only "0" counts as a digit for this run.
    string.digits = "0"
    with mp.Pool(1) as pool:
        print(pool.map(is_digit, ["0", "5"]))


if __name__ == "__main__":
    main()
