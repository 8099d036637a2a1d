import multiprocessing as mp

main = "the main course"


def work(x):
    return f"{main}: {x}"


def _main():
    p = mp.Process(target=work, args=(1,))
    p.start()
    p.join()


if __name__ == "__main__":
    _main()
