# Standard library
import multiprocessing
import os
# Executors for CPU-bound work
from concurrent.futures import ProcessPoolExecutor

# Third party
import numpy as np


def run(paths):
    with ProcessPoolExecutor(4, mp_context=multiprocessing.get_context("spawn")) as ex:
        return list(ex.map(np.load, paths)), os.getpid()
