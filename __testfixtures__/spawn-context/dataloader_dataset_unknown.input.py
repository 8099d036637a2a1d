from torch.utils.data import DataLoader, Dataset

from .store import Records


class Lines(Dataset):
    def __init__(self, path):
        self.file = open(path)

    def __getitem__(self, i):
        return self.file.readline()


class Cached(Records):
    pass


def loaders(path):
    lines = DataLoader(Lines(path), num_workers=2)
    cached = DataLoader(Cached(path), num_workers=2)
    return lines, cached
