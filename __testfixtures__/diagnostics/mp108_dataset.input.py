import argparse

import h5py
import torch.utils.data
import torchvision.datasets as dset
from torch.utils.data import ConcatDataset, DataLoader, Dataset, Subset
from torchvision.datasets import LSUN, MNIST


class Frames(Dataset):
    def __init__(self, path):
        self.file = h5py.File(path, "r")

    def __len__(self):
        return len(self.file["x"])


class LazyFrames(Dataset):
    def __init__(self, path):
        self.path = path
        self.file = None

    def __getitem__(self, i):
        if self.file is None:
            self.file = h5py.File(self.path, "r")
        return self.file["x"][i]


def loaders(opt):
    if opt.dataset == "mnist":
        dataset = dset.MNIST(root=opt.dataroot, download=True)
    elif opt.dataset == "lsun":
        dataset = dset.LSUN(root=opt.dataroot, classes=["bedroom_train"])
    else:
        dataset = dset.FakeData()
    yield torch.utils.data.DataLoader(dataset, batch_size=64, num_workers=int(opt.workers))
    yield DataLoader(Subset(LSUN(opt.dataroot), range(10)), num_workers=2)
    yield DataLoader(ConcatDataset([MNIST(opt.dataroot), Frames(opt.path)]), num_workers=2)
    yield DataLoader(dataset=Frames(opt.path), num_workers=4)
    # Not reported: no workers, or a dataset that opens its file in each worker.
    yield DataLoader(Frames(opt.path), num_workers=0)
    yield DataLoader(LazyFrames(opt.path), num_workers=4)
    yield DataLoader(MNIST(opt.dataroot), num_workers=4)
