import torch
from torch.utils.data import DataLoader, Dataset, TensorDataset
from torchvision import datasets, transforms

from .store import Records


class Squares(Dataset):
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        return i * i


class Lines(Dataset):
    def __init__(self, path):
        self.file = open(path)

    def __getitem__(self, i):
        return self.file.readline()


class Cached(Records):
    pass


def loaders(path):
    squares = DataLoader(Squares(10), num_workers=2)
    mnist = datasets.MNIST(path, transform=transforms.ToTensor())
    images = DataLoader(mnist, batch_size=64, num_workers=4)
    tensors = DataLoader(TensorDataset(torch.zeros(4)), num_workers=2)
    lines = DataLoader(Lines(path), num_workers=2)
    cached = DataLoader(Cached(path), num_workers=2)
    return squares, images, tensors, lines, cached
