import multiprocessing as mp


def produce(q, i):
    q.put(i * 10)


procs = []


def main():
    q = mp.Queue()
    for i in range(3):
        p = mp.Process(target=produce, args=(q, i))
        p.start()
        procs.append(p)
    print(sorted(q.get() for _ in procs))
    for p in procs:
        p.join()


if __name__ == "__main__":
    mp.set_start_method("spawn")
    main()
