import torch.multiprocessing as tmp
from torch.utils.data import DataLoader


def train(model, dataset):
    q = tmp.get_context("spawn").Queue()
    procs = [
        tmp.get_context("spawn").Process(target=model, args=(q,)) for _ in range(2)
    ]
    fast = DataLoader(
        dataset, batch_size=32, num_workers=4, multiprocessing_context="spawn"
    )
    inline = DataLoader(dataset, batch_size=32, num_workers=0)
    default = DataLoader(dataset)
    explicit = DataLoader(dataset, num_workers=2, multiprocessing_context="forkserver")
    return procs, fast, inline, default, explicit
