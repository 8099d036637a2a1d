"""A fork-era script."""
import argparse
import multiprocessing as mp
import os

SIZE = 10


def square(x):
    return x * x * SCALE


SCALE = 2


def main():
    print("starting", os.getpid() > 0)

    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=SIZE)
    args = parser.parse_args()

    # The pool.
    pool = mp.Pool(2)
    results = pool.map(square, range(args.n))
    pool.close()
    print(sum(results))


if __name__ == "__main__":
    mp.set_start_method("spawn")
    main()
