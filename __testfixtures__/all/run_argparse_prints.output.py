"""Argument parsing and output before the pool."""
import argparse
import multiprocessing as mp

DEFAULT = 4


def cube(x):
    return x ** 3


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=DEFAULT)
    args = parser.parse_args()
    print("n =", args.n)

    with mp.Pool(2) as pool:
        print(pool.map(cube, range(args.n)))


if __name__ == "__main__":
    mp.set_start_method("spawn")
    main()
