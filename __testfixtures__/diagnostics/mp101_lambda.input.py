import multiprocessing as mp


def ok(x):
    return x


if __name__ == "__main__":
    with mp.Pool(2) as pool:
        pool.map(lambda x: x * 2, [1, 2])
        pool.map(ok, [1, 2])
    p = mp.Process(target=lambda: print("hi"))
    t = __import__("threading").Thread(target=lambda: None)
