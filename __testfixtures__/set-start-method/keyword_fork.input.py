import multiprocessing as mp


def f(x):
    return x


if __name__ == "__main__":
    mp.set_start_method(method="fork")
    mp.Process(target=f, args=(1,)).start()
