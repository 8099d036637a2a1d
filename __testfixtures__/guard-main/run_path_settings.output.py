import os
from multiprocessing import Pool

# Settings of the recipe: paths computed from this file's folder stay settings.
ROOT = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(ROOT, "data")
WORKERS = 4


def size(name):
    return len(name)


def main():
    names = sorted(os.listdir(DATA)) if os.path.isdir(DATA) else ["a", "bb"]
    with Pool(WORKERS) as pool:
        print(pool.map(size, names))


if __name__ == "__main__":
    main()
