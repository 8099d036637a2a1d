import multiprocessing as mp


def work():
    pass


if __name__ == "__main__":
    mp.set_start_method("spawn", force=True)
    mp.Process(target=work).start()
