import torch
from torchvision import datasets


def loaders(root, config):
    items = datasets.MNIST(root)
    # The `if` clause passes the limit on its own line (89 columns): `> 0` goes below.
    train = torch.utils.data.DataLoader(
        items,
        num_workers=config.trainer_settings.number_of_workers_for_the_loader_in_this_run_x,
    )
    # One column shorter: the `if` clause fits on its line (88 columns).
    test = torch.utils.data.DataLoader(
        items,
        num_workers=config.trainer_settings.number_of_workers_for_the_loader_in_this_runs,
    )
    return train, test
