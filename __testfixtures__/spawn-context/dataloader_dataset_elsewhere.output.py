from torch.utils.data import DataLoader

from .data import build_dataset


def from_caller(dataset, workers):
    return DataLoader(dataset, batch_size=8, num_workers=workers)


class Iterator:
    def __init__(self, dataset, num_workers):
        self.dataset = dataset
        self.num_workers = num_workers

    def loader(self):
        return DataLoader(self.dataset, num_workers=self.num_workers)

    def renamed(self):
        ds = self.dataset
        return DataLoader(dataset=ds, num_workers=2)


def built_elsewhere(path):
    return DataLoader(build_dataset(path), num_workers=4)


def inline_only(dataset):
    return DataLoader(dataset, num_workers=0)
