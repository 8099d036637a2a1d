import multiprocessing as mp
import warnings


def quiet():
    warnings.simplefilter("ignore", UserWarning)


def work(x):
    return x


if __name__ == "__main__":
    warnings.simplefilter("ignore", UserWarning)
    with mp.Pool(1, initializer=quiet) as pool:
        print(pool.map(work, [1]))
