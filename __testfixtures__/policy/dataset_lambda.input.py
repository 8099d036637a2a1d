import torch
from torch.utils.data import DataLoader
from torchvision.datasets import MNIST
from torchvision.transforms import Compose, Lambda, ToTensor

if __name__ == "__main__":
    transform = Compose([ToTensor(), Lambda(lambda x: torch.flatten(x))])
    kwargs = {"batch_size": 64}
    kwargs.update({"num_workers": 1})
    loader = DataLoader(MNIST("./data/", train=True, download=True, transform=transform), **kwargs)
    for x, y in loader:
        print(x.shape)
        break
