import torch.multiprocessing as tmp
from torch.utils.data import DataLoader


def train(model, dataset):
    q = tmp.Queue()
    procs = [tmp.Process(target=model, args=(q,)) for _ in range(2)]
    fast = DataLoader(dataset, batch_size=32, num_workers=4)
    inline = DataLoader(dataset, batch_size=32, num_workers=0)
    default = DataLoader(dataset)
    explicit = DataLoader(dataset, num_workers=2, multiprocessing_context="forkserver")
    return procs, fast, inline, default, explicit


def loaders(dataset, args, n):
    counted = DataLoader(dataset, num_workers=args.workers)
    summed = DataLoader(dataset, num_workers=n + 1)
    none = DataLoader(dataset, num_workers=0x0)
    return counted, summed, none
