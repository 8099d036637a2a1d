import multiprocessing as mp


def fill(shared, key):
    shared[key] = key.upper()


if __name__ == "__main__":
    with mp.get_context("spawn").Manager() as manager:
        shared = manager.dict()
        procs = [
            mp.get_context("spawn").Process(target=fill, args=(shared, k))
            for k in "abc"
        ]
        for p in procs:
            p.start()
        for p in procs:
            p.join()
        print(sorted(shared.items()))
