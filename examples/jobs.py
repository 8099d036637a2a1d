"""Producer/consumer with a Queue and worker Processes, using from-imports."""
from multiprocessing import Process, Queue, cpu_count


def worker(jobs, results):
    for job in iter(jobs.get, None):
        results.put((job, job * job))


def main():
    jobs, results = Queue(), Queue()
    workers = [Process(target=worker, args=(jobs, results)) for _ in range(min(2, cpu_count()))]
    for w in workers:
        w.start()
    for n in range(6):
        jobs.put(n)
    for _ in workers:
        jobs.put(None)
    squares = sorted(results.get() for _ in range(6))
    for w in workers:
        w.join()
    print("squares:", squares)


if __name__ == "__main__":
    main()
