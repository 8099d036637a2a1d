import multiprocessing as mp

METHOD = mp.get_start_method()


if __name__ == "__main__":
    print(METHOD)
    mp.Process(target=print).start()
