import multiprocessing as mp

_mp_context = mp.get_context("spawn")


def fill(shared, key):
    shared[key] = key.upper()


if __name__ == "__main__":
    with _mp_context.Manager() as manager:
        shared = manager.dict()
        procs = [_mp_context.Process(target=fill, args=(shared, k)) for k in "abc"]
        for p in procs:
            p.start()
        for p in procs:
            p.join()
        print(sorted(shared.items()))
