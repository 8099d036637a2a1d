import multiprocessing


def work(n, barrier):
    barrier.wait()


if __name__ == "__main__":
    barrier = multiprocessing.Barrier(3)
    procs = []
    for n in range(3):
        p = multiprocessing.Process(target=work, args=(n, barrier))
        p.start()
        procs.append(p)
    for p in procs:
        p.join()
