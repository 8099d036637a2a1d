import multiprocessing as mp


def main():
    mp.Process(target=print).start()


if __name__ == "__main__":
    mp.set_start_method("spawn")
    main()
