import numpy as np
from torch.utils.data import DataLoader, Dataset, dataloader


def load(path):
    return np.load(path)


class Images(Dataset):
    """Reads every image in the parent: one slot per item, filled in a loop."""

    def __init__(self, files):
        self.files = files
        self.ims = [None] * len(files)
        for i, f in enumerate(files):
            self.ims[i] = load(f)

    def __getitem__(self, i):
        return self.ims[i]


class Labelled(Dataset):
    """The cache is filled by a method __init__ calls, through a tuple target."""

    def __init__(self, files, cache=False):
        self.files = files
        n = len(files)
        self.ims, self.shapes = [None] * n, n * [None]
        if cache:
            self.cache_images()

    def cache_images(self):
        for i, f in enumerate(self.files):
            im = load(f)
            self.ims[i], self.shapes[i] = im, im.shape

    def __getitem__(self, i):
        return self.ims[i] if self.ims[i] is not None else load(self.files[i])


class Masks(Labelled):
    pass


class Samples(Dataset):
    """Metadata appended in a loop is not a cache."""

    def __init__(self, files):
        self.samples = []
        for i, f in enumerate(files):
            self.samples.append((f, i % 10))

    def __getitem__(self, i):
        return load(self.samples[i][0])


class InfiniteDataLoader(dataloader.DataLoader):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)


def cached(files, workers):
    images = DataLoader(Images(files), batch_size=4, num_workers=workers)
    dataset = Labelled(files, cache=True)
    labelled = DataLoader(dataset, num_workers=4)
    masks = InfiniteDataLoader(Masks(files), num_workers=workers)
    serial = DataLoader(Images(files), num_workers=0)
    return images, labelled, masks, serial


def chosen_cache(files, image_weights):
    loader = DataLoader if image_weights else InfiniteDataLoader
    return loader(Labelled(files, cache=True), num_workers=8)


def branches(files, cache):
    if cache:
        dataset = Images(files)
    else:
        dataset = Samples(files)
    return DataLoader(dataset, num_workers=2)
