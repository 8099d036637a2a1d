import multiprocessing as mp


def work():
    pass


if __name__ == "__main__":
    mp.set_start_method("fork")
    mp.Process(target=work).start()
