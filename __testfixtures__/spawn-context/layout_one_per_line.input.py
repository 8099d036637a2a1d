from concurrent.futures import ProcessPoolExecutor

from torch.utils.data import DataLoader, DistributedSampler, TensorDataset


def loaders(data):
    dataset = TensorDataset(data)
    train = DataLoader(
        dataset,
        batch_size=32,
        num_workers=4,
        sampler=DistributedSampler(dataset),
    )
    test = DataLoader(
        dataset,
        batch_size=32,
        num_workers=4,
        sampler=DistributedSampler(dataset)
    )
    return train, test


def executor():
    return ProcessPoolExecutor(
        max_workers=4,
        initializer=print,  # logs each start
    )
