import multiprocessing as mp


def work():
    pass


if __name__ == "__main__":
    print("main")

p = mp.Process(target=work)
p.start()
