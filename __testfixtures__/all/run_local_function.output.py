import multiprocessing as mp


def neg(x):
    return -x


def run(values):
    with mp.Pool(2) as pool:
        return pool.map(neg, values)


def main():
    print(run([1, 2, 3]))


if __name__ == "__main__":
    mp.set_start_method("spawn")
    main()
