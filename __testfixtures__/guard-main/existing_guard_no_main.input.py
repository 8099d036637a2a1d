import multiprocessing as mp


def square(x):
    return x * x


queue = mp.Queue()
proc = mp.Process(target=square, args=(3,))
proc.start()

if __name__ == "__main__":
    proc.join()
    print("done", queue.empty())
