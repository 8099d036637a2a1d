"""Usage: mark a line "# mp-codemod: keep-fork" to keep fork there."""
import multiprocessing


def square(x):
    return x * x


if __name__ == "__main__":
    multiprocessing.set_start_method("spawn")
    with multiprocessing.Pool(2) as pool:
        print(pool.map(square, [1, 2]))
