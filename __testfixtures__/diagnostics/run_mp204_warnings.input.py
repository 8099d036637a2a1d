import multiprocessing as mp
import warnings


def work(x):
    # Whether this process has the parent's filter for UserWarning.
    return x, any(f[0] == "ignore" and f[2] is UserWarning for f in warnings.filters)


if __name__ == "__main__":
    warnings.simplefilter("ignore", UserWarning)
    with mp.Pool(1) as pool:
        print(pool.map(work, [1]))
