import torch.multiprocessing as tmp
from torch.utils.data import DataLoader, Dataset

_mp_context = tmp.get_context("spawn")


class Squares(Dataset):
    def __len__(self):
        return 10

    def __getitem__(self, i):
        return i * i


def train(model):
    dataset = Squares()
    q = _mp_context.Queue()
    procs = [_mp_context.Process(target=model, args=(q,)) for _ in range(2)]
    fast = DataLoader(
        dataset, batch_size=32, num_workers=4, multiprocessing_context="spawn"
    )
    inline = DataLoader(dataset, batch_size=32, num_workers=0)
    default = DataLoader(dataset)
    explicit = DataLoader(dataset, num_workers=2, multiprocessing_context="forkserver")
    return procs, fast, inline, default, explicit


def loaders(args, n):
    dataset = Squares()
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
