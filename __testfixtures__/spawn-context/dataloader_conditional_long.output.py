import torch
from torchvision import datasets


def loaders(root, config):
    items = datasets.MNIST(root)
    train = torch.utils.data.DataLoader(
        items,
        num_workers=config.workers_for_the_training_data_loader,
        multiprocessing_context=(
            "spawn" if config.workers_for_the_training_data_loader > 0 else None
        ),
    )
    test = torch.utils.data.DataLoader(
        items,
        multiprocessing_context=(
            "spawn"
            if config.trainer_settings.number_of_workers_for_this_loader_in_the_run > 0
            else None
        ),
        num_workers=config.trainer_settings.number_of_workers_for_this_loader_in_the_run
    )
    return train, test
