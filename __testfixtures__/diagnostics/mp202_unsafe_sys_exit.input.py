import sys
import multiprocessing as mp

SIZE = 3
shared = mp.Array("i", SIZE)


def fill(i):
    shared[i] = i + 1


def main(argv):
    SIZE = len(argv)  # a local of its own: not what the array read
    procs = [mp.Process(target=fill, args=(i,)) for i in range(3)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    print(list(shared), SIZE)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
