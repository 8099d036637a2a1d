import multiprocessing as mp


def work(x):
    return x


def main():
    mp.set_start_method("spawn")
    p = mp.Process(target=work, args=(1,))
    p.start()
    p.join()


if __name__ == "__main__":
    main()
