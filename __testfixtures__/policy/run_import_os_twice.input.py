import multiprocessing as mp
import os

print(os.getpid() > 0)
import os.path


def work(x):
    return os.path.basename(x)


with mp.Pool(2) as pool:
    print(pool.map(work, ["/a/b", "/c/d"]))
