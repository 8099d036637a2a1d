import multiprocessing as mp

TABLE = {i: chr(ord("a") + i) for i in range(5)}
PREFIX = "-".join(["x", "y"])


def label(i):
    return PREFIX + TABLE[i]


def main():
    parent_only = len(TABLE) * 10

    with mp.Pool(2) as pool:
        print(pool.map(label, range(5)), parent_only)


if __name__ == "__main__":
    mp.set_start_method("spawn")
    main()
