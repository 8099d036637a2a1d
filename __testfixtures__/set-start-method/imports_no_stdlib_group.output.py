"""Parameter-server training."""
import multiprocessing

import numpy as np
import torch

from .model import train


def work(rank):
    return train(rank, np.zeros(3))


if __name__ == "__main__":
    multiprocessing.set_start_method("spawn")
    # 2 trainers, 1 parameter server
    # (rank 0 is the server)
    procs = [torch.multiprocessing.Process(target=work, args=(rank,)) for rank in range(3)]
    for p in procs:
        p.start()
