# Standard library
import os
# Executors for CPU-bound work
from concurrent.futures import ProcessPoolExecutor

# Third party
import numpy as np


def run(paths):
    with ProcessPoolExecutor(4) as ex:
        return list(ex.map(np.load, paths)), os.getpid()
