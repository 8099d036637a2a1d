import multiprocessing as mp


def work():
    print("child ran")


if __name__ == "__main__":
    print("main")

p = mp.Process(target=work)
p.start()
p.join()
