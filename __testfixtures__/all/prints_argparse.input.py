"""A fork-era script."""
import argparse
import multiprocessing as mp
import os

SIZE = 10
print("starting", os.getpid() > 0)


def square(x):
    return x * x * SCALE


parser = argparse.ArgumentParser()
parser.add_argument("--n", type=int, default=SIZE)
args = parser.parse_args()
SCALE = 2

# The pool.
pool = mp.Pool(2)
results = pool.map(square, range(args.n))
pool.close()
print(sum(results))
