"""Process code before a guard that calls main()."""
import multiprocessing as mp


def square(x):
    return x * x


def main():
    """Entry point."""
    pool = mp.Pool(2)
    print("pool ready")
    print(pool.map(square, [1, 2, 3]))
    pool.close()


if __name__ == "__main__":
    main()
