import multiprocessing as mp
import warnings

warnings.filterwarnings("ignore", category=DeprecationWarning)


def work(x):
    return x


def main():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        print("parent only")
    with mp.Pool(1) as pool:
        print(pool.map(work, [1]))


if __name__ == "__main__":
    main()
