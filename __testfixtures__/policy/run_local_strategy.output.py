import multiprocessing as mp

_mp_context = mp.get_context("spawn")


def square(x):
    return x * x


def main():
    print("start")
    with _mp_context.Pool(2) as pool:
        print(pool.map(square, range(6)))
    lock = _mp_context.Lock()
    with lock:
        print("locked")


if __name__ == "__main__":
    main()
