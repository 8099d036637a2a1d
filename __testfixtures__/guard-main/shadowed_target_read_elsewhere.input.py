import multiprocessing as mp


def work():
    print("child")


work = mp.Process(target=work)
work.start()


def wait():
    work.join()


wait()
