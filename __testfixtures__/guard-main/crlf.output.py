import multiprocessing


def work(x):
    return x


def main():
    p = multiprocessing.Process(target=work, args=(1,))
    p.start()
    p.join()


if __name__ == "__main__":
    main()
