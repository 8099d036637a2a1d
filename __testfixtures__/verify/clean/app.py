import multiprocessing as mp


def square(x):
    return x * x


def work(q):
    q.put("child")


def main():
    with mp.Pool(2) as pool:
        print(pool.map(square, [1, 2, 3]))
    q = mp.Queue()
    p = mp.Process(target=work, args=(q,))
    p.start()
    print(q.get())
    p.join()
    return p.exitcode


if __name__ == "__main__":
    main()
