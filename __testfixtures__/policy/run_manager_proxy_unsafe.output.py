import multiprocessing as mp


def work(squares, n):
    squares[n] = n * n


if __name__ == "__main__":
    mp.set_start_method("spawn")
    manager = mp.Manager()
    squares = manager.dict()
    procs = [mp.Process(target=work, args=(squares, i)) for i in range(3)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    print(sorted(squares.items()))
    manager.shutdown()
