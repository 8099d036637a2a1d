import multiprocessing as mp

jobs = mp.Queue()


def work(x):
    jobs.put(x)


def main(jobs_seen=None):
    p = mp.Process(target=work, args=(1,))
    p.start()
    p.join()
    print(jobs.get(), jobs_seen)


def run(jobs):
    return jobs


if __name__ == "__main__":
    main()
