import torch
import torchvision.datasets as datasets
import torchvision.transforms as transforms

# This file is written wider than 88 columns: its widest lines set its limit, not the continuation below.
NORMALIZE = transforms.Normalize(mean=[0.485, 0.456, 0.406], std=[0.229, 0.224, 0.225])  # ImageNet statistics
RESIZE = transforms.Compose([transforms.Resize(256), transforms.CenterCrop(224), transforms.ToTensor(), NORMALIZE])
HELP = "the folder of the validation images, one sub-folder a class, as torchvision's ImageFolder expects"


def loader(args):
    val_dataset = datasets.ImageFolder(args.data, RESIZE)
    return torch.utils.data.DataLoader(
        val_dataset, batch_size=args.batch_size, shuffle=False,
        num_workers=args.workers, pin_memory=True,
        multiprocessing_context="spawn" if args.workers > 0 else None)
