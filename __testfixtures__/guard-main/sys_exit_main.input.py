import multiprocessing as mp
import sys


def work(x):
    return x


procs = [mp.Process(target=work, args=(i,)) for i in range(2)]
for p in procs:
    p.start()


def main(argv=None):
    for p in procs:
        p.join()
    return 0


if __name__ == "__main__":
    sys.exit(main())
