import multiprocessing as mp

manager = mp.Manager()
squares = manager.dict()


def work(n):
    squares[n] = n * n


if __name__ == "__main__":
    procs = [mp.Process(target=work, args=(i,)) for i in range(3)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    print(sorted(squares.items()))
    manager.shutdown()
