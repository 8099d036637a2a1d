import functools
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import Pool

import numpy as np
import torch


def score(data, key):
    return len(data) + key


if __name__ == "__main__":
    weights = np.load("weights.npy")
    raw = np.fromfile("signal.bin", dtype=np.float32)
    model = torch.load("model.pt")
    text = open("corpus.txt").read()
    with open("blob.bin", "rb") as f:
        blob = f.read()
    keys = range(8)
    with Pool(4) as pool:
        pool.starmap(score, [(weights, k) for k in keys])
        pool.map(functools.partial(score, raw), keys)
        pool.starmap(score, ((model, k) for k in keys))
    with ProcessPoolExecutor() as ex:
        futures = [ex.submit(score, text, k) for k in keys]
        ex.submit(score, blob, 0)
        list(ex.map(score, [weights] * 8, keys))
