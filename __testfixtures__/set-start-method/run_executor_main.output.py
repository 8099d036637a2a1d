import multiprocessing
from concurrent.futures import ProcessPoolExecutor


def sq(x):
    return x * x


def main():
    with ProcessPoolExecutor(max_workers=2) as ex:
        print(list(ex.map(sq, [2, 3])))


if __name__ == "__main__":
    multiprocessing.set_start_method("spawn")
    main()
