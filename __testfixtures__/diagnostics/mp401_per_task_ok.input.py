from concurrent.futures import ProcessPoolExecutor
from multiprocessing import Pool

import numpy as np
import pandas as pd


def open(path):
    return path


def score(data, key=0):
    return len(data) + key


def load(path):
    return np.load(path)


if __name__ == "__main__":
    paths = ["a.npy", "b.npy"]
    frame = pd.read_csv("table.csv")
    chunks = np.array_split(np.load("big.npy"), 4)
    first = open("x").read()
    with Pool(4) as pool:
        pool.map(load, paths)
        pool.map(score, frame)
        pool.map(score, chunks)
        pool.map(score, np.array_split(frame, 4))
        pool.starmap(score, [(p, 1) for p in paths])
    with ProcessPoolExecutor() as ex:
        ex.submit(score, "table.csv")
        ex.submit(score, first)
