import multiprocessing
import sys


def f():
    return 1


def report():
    return total


total: int = len(sys.argv)
p = multiprocessing.Process(target=f)
p.start()
p.join()
print(report())
