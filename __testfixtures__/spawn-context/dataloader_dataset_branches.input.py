import torch
from torchvision import datasets, transforms


def loader(args):
    if args.dummy:
        dataset = datasets.FakeData(100, (3, 32, 32), 10, transforms.ToTensor())
    else:
        dataset = datasets.ImageFolder(args.data, transforms.ToTensor())
    return torch.utils.data.DataLoader(dataset, batch_size=16, num_workers=4)
