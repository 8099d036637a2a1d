import sys
import multiprocessing as mp

SIZE = 3


def fill(shared, i):
    shared[i] = i + 1


def main(argv):
    shared = mp.Array("i", SIZE)
    count = len(argv)
    procs = [mp.Process(target=fill, args=(shared, i)) for i in range(3)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    print(list(shared), count)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
