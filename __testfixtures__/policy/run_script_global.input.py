import multiprocessing as mp


def square(x):
    return x * x


if __name__ == "__main__":
    q = mp.Queue()
    with mp.Pool(2) as pool:
        print(pool.map(square, range(4)))
    p = mp.Process(target=q.put, args=("from child",))
    p.start()
    print(q.get())
    p.join()
