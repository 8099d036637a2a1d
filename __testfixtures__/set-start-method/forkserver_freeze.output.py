import multiprocessing


if __name__ == "__main__":
    multiprocessing.freeze_support()
    multiprocessing.set_start_method("forkserver")
    multiprocessing.Process(target=print).start()
