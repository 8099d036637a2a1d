import multiprocessing as mp


def work(jobs, x):
    jobs.put(x)


def main(jobs_seen=None):
    jobs = mp.Queue()
    p = mp.Process(target=work, args=(jobs, 1))
    p.start()
    p.join()
    print(jobs.get(), jobs_seen)


def run(jobs):
    return jobs


if __name__ == "__main__":
    main()
