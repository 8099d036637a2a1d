# No project setting: this file is written to 110 columns, which the moved lines keep.
import argparse
import multiprocessing


def square(value):
    return value * value


def main():
    parser = argparse.ArgumentParser(description="squares numbers in a pool of worker processes, as many as asked")
    parser.add_argument("--workers", type=int, default=2, help="how many worker processes the pool starts with")
    parser.add_argument("--count", type=int, default=4, help="how many numbers, from zero, the workers square")
    parser.add_argument("--chunks", type=int, default=1, help="numbers each worker takes")
    args = parser.parse_args([])
    with multiprocessing.Pool(args.workers) as pool:
        print(pool.map(square, range(args.count)), "squared by the pool of worker processes, in order")


if __name__ == "__main__":
    main()
