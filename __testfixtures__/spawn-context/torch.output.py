import torch.multiprocessing as tmp
from torch.utils.data import DataLoader

_mp_context = tmp.get_context("spawn")


def train(model, dataset):
    q = _mp_context.Queue()
    procs = [_mp_context.Process(target=model, args=(q,)) for _ in range(2)]
    fast = DataLoader(
        dataset, batch_size=32, num_workers=4, multiprocessing_context="spawn"
    )
    inline = DataLoader(dataset, batch_size=32, num_workers=0)
    default = DataLoader(dataset)
    explicit = DataLoader(dataset, num_workers=2, multiprocessing_context="forkserver")
    return procs, fast, inline, default, explicit


def loaders(dataset, args, n):
    counted = DataLoader(
        dataset,
        num_workers=args.workers,
        multiprocessing_context="spawn" if args.workers > 0 else None,
    )
    summed = DataLoader(
        dataset,
        num_workers=n + 1,
        multiprocessing_context="spawn" if (n + 1) > 0 else None,
    )
    none = DataLoader(dataset, num_workers=0x0)
    return counted, summed, none
