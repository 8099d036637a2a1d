import multiprocessing
from concurrent.futures import ProcessPoolExecutor


def inc(x):
    return x + 1


def main():
    with ProcessPoolExecutor(max_workers=2) as ex:
        print(sorted(ex.map(inc, [1, 2, 3])))
    print("after")


if __name__ == "__main__":
    multiprocessing.set_start_method("spawn")
    main()
