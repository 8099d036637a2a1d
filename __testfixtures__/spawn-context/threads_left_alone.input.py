import subprocess
from multiprocessing.dummy import Pool as ThreadPool
import multiprocessing.dummy


def run(f):
    with ThreadPool(4) as pool:
        pool.map(f, [1])
    q = multiprocessing.dummy.Queue()
    subprocess.run(["true"])
    return q
