import multiprocessing as mp


def printer():
    print("hello")


if __name__ == '__main__':
    p = mp.Process(target=printer)
    p.start()
    p.join()
    with mp.Pool(4) as pool:
        pool.map(print, ["a", "b"])
