import multiprocessing as mp


def work(x):
    return pool.apply(abs, (x,))


def main():
    global pool
    pool = mp.Pool(2)

    print(work(-1))


if __name__ == "__main__":
    main()
