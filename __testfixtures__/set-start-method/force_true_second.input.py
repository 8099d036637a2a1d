import multiprocessing as mp


def work():
    pass


def setup():
    mp.set_start_method("forkserver")


if __name__ == "__main__":
    setup()
    mp.set_start_method("spawn", force=True)
    mp.Process(target=work).start()
