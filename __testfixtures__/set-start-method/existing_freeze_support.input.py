import multiprocessing as mp


def work():
    pass


if __name__ == "__main__":
    mp.freeze_support()
    mp.Process(target=work).start()
