import multiprocessing as mp


def work():
    pass


if __name__ == "__main__":
    mp.freeze_support()
    mp.set_start_method("spawn")
    mp.Process(target=work).start()
