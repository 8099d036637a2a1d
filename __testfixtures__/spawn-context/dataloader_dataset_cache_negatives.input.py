import numpy as np
from torch.utils.data import DataLoader, Dataset, dataloader


def load(path):
    return np.load(path)


class Samples(Dataset):
    """Metadata appended in a loop is not a cache."""

    def __init__(self, files):
        self.samples = []
        for i, f in enumerate(files):
            self.samples.append((f, i % 10))

    def __getitem__(self, i):
        return load(self.samples[i][0])


class Grouped(Dataset):
    """A dict of indices filled by key, and a whole array: not a cache of items."""

    def __init__(self, targets):
        self.data = np.asarray(targets)
        self.groups = {}
        for c in range(10):
            self.groups[c] = np.where(self.data == c)[0]

    def __getitem__(self, i):
        return self.data[i]


class Lazy(Dataset):
    """Slots filled on first use, in each worker: nothing is loaded in the parent."""

    def __init__(self, files):
        self.files = files
        self.ims = [None] * len(files)

    def __getitem__(self, i):
        if self.ims[i] is None:
            self.ims[i] = load(self.files[i])
        return self.ims[i]


class InfiniteDataLoader(dataloader.DataLoader):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)


class FixedLoader(DataLoader):
    def __init__(self, dataset, num_workers):
        super().__init__(dataset, batch_size=16, num_workers=num_workers)


def migrated(files, targets, image_weights, workers):
    samples = DataLoader(Samples(files), num_workers=2)
    grouped = DataLoader(Grouped(targets), num_workers=2)
    lazy = InfiniteDataLoader(Lazy(files), num_workers=2)
    loader = DataLoader if image_weights else InfiniteDataLoader
    chosen = loader(Samples(files), num_workers=workers)
    return samples, grouped, lazy, chosen


def own_init(files):
    return FixedLoader(Samples(files), num_workers=2)
