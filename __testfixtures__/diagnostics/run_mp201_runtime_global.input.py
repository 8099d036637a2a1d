import multiprocessing as mp

SETTINGS = None


def work(x):
    return x * SETTINGS["scale"]


def configure():
    global SETTINGS
    SETTINGS = {"scale": 3}


if __name__ == "__main__":
    configure()
    with mp.Pool(2) as pool:
        print(pool.map(work, [1, 2]))
