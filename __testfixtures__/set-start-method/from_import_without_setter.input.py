from concurrent.futures import ProcessPoolExecutor


def work(x):
    return x


if __name__ == "__main__":
    with ProcessPoolExecutor() as ex:
        ex.submit(work, 1)
