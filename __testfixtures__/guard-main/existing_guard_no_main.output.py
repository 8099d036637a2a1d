import multiprocessing as mp


def square(x):
    return x * x


if __name__ == "__main__":
    queue = mp.Queue()
    proc = mp.Process(target=square, args=(3,))
    proc.start()
    proc.join()
    print("done", queue.empty())
