from concurrent.futures import ProcessPoolExecutor
from multiprocessing import Pool

from helpers import *


def run():
    return Pool(2), ProcessPoolExecutor()
