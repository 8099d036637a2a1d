import multiprocessing as mp


if __name__ == "__main__":
    print(mp.cpu_count())
