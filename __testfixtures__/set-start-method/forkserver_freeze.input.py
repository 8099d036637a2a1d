import multiprocessing


if __name__ == "__main__":
    multiprocessing.Process(target=print).start()
