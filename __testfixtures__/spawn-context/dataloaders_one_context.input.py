from torch.utils.data import DataLoader, Subset
from torchvision import datasets


def loaders(root, workers):
    train = DataLoader(datasets.MNIST(root, train=True), num_workers=workers)
    # A Subset of a loader's dataset: where it comes from is not shown here.
    extra = DataLoader(Subset(train.dataset, range(10)), num_workers=workers)
    return train, extra
