import multiprocessing as mp

jobs = mp.Queue()


def work(x):
    jobs.put(x)


def main(jobs):
    p = mp.Process(target=work, args=(1,))
    p.start()
    p.join()
    print(jobs)


if __name__ == "__main__":
    main(3)
