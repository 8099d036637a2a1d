import multiprocessing as mp
import sys

try:
    import numpy as np
except ImportError:
    np = None

if sys.platform == "win32":
    def work(x):
        return x
else:
    def work(x):
        return x * 2

sys.path.insert(0, ".")
with mp.Pool(2) as pool:
    print(pool.map(work, [1, 2]), np is None or True)
