import multiprocessing as mp


def f():
    return 1


if __name__ == "__main__":
    mp.set_start_method("spawn")
    mp.Process(target=f).start()
