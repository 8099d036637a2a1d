import argparse
import multiprocessing as mp

parser = argparse.ArgumentParser()
parser.add_argument("--n", type=int, default=3)
opt = parser.parse_args()


def work(x):
    return x * opt.n


def main():
    print("n is", opt.n)

    with mp.Pool(2) as pool:
        print(pool.map(work, range(4)))


if __name__ == "__main__":
    mp.set_start_method("spawn")
    main()
