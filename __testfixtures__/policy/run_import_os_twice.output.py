import multiprocessing as mp
import os

import os.path


def work(x):
    return os.path.basename(x)


def main():
    print(os.getpid() > 0)

    with mp.Pool(2) as pool:
        print(pool.map(work, ["/a/b", "/c/d"]))


if __name__ == "__main__":
    mp.set_start_method("spawn")
    main()
