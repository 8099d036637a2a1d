import multiprocessing

def f():
    return 1


def main():
    p = multiprocessing.Process(target=f)
    p.start()
    p.join()


if __name__ == "__main__":
    main()