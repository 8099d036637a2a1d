import multiprocessing


def neg(x):
    return -x


if __name__ == "__main__":
    ctx = multiprocessing.get_context()
    with ctx.Pool(2) as pool:
        print(pool.map(neg, [1, 2]))
