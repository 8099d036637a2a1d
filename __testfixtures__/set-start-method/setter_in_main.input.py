import multiprocessing as mp


def main():
    mp.set_start_method("spawn")
    mp.Process(target=print).start()


if __name__ == "__main__":
    main()
