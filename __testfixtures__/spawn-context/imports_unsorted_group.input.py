import sys
import os
from concurrent.futures import ProcessPoolExecutor

import numpy as np


def run(paths):
    with ProcessPoolExecutor(4) as ex:
        return list(ex.map(np.load, paths)), os.getpid(), sys.argv
