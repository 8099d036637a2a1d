import argparse

import torch
import torch.utils.data
import torchvision.datasets as dset
import torchvision.transforms as transforms

parser = argparse.ArgumentParser()
parser.add_argument("--dataset", required=True, help="cifar10 | lsun | fake")
parser.add_argument("--dataroot", required=False)
parser.add_argument("--workers", type=int, default=2)
opt = parser.parse_args()

if opt.dataset == "cifar10":
    dataset = dset.CIFAR10(root=opt.dataroot, download=True, transform=transforms.ToTensor())
elif opt.dataset == "lsun":
    classes = [c + "_train" for c in ["bedroom"]]
    dataset = dset.LSUN(root=opt.dataroot, classes=classes, transform=transforms.ToTensor())
elif opt.dataset == "fake":
    dataset = dset.FakeData(image_size=(3, 64, 64), transform=transforms.ToTensor())

dataloader = torch.utils.data.DataLoader(dataset, batch_size=64, shuffle=True, num_workers=int(opt.workers))

for epoch in range(2):
    for i, data in enumerate(dataloader, 0):
        print(epoch, i, data[0].shape)
