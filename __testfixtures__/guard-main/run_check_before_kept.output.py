import multiprocessing as mp
import sys

LIMIT = int(sys.argv[1]) if len(sys.argv) > 1 else 3

if LIMIT < 0:
    raise ValueError("LIMIT must not be negative")

table = [i * i for i in range(LIMIT)]


def work(x):
    return table[x]


def main():
    with mp.Pool(2) as pool:
        print(pool.map(work, range(LIMIT)))


if __name__ == "__main__":
    main()
