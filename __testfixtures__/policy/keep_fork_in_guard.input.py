import multiprocessing as mp

STATE = {"n": 0}


def read(_):
    return STATE["n"]


def run():
    with mp.Pool(2) as pool:
        return pool.map(read, range(4))


if __name__ == "__main__":
    mp.set_start_method("fork")
    STATE["n"] = 5
    print(run())
