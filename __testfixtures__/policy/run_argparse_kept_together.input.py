import argparse
import multiprocessing as mp

parser = argparse.ArgumentParser()
parser.add_argument("--n", type=int, default=3)
opt = parser.parse_args()
print("n is", opt.n)


def work(x):
    return x * opt.n


with mp.Pool(2) as pool:
    print(pool.map(work, range(4)))
