import multiprocessing
from concurrent.futures import ProcessPoolExecutor

from torch.utils.data import DataLoader, DistributedSampler, TensorDataset


def loaders(data):
    dataset = TensorDataset(data)
    train = DataLoader(
        dataset,
        batch_size=32,
        num_workers=4,
        sampler=DistributedSampler(dataset),
        multiprocessing_context="spawn",
    )
    test = DataLoader(
        dataset,
        batch_size=32,
        num_workers=4,
        sampler=DistributedSampler(dataset),
        multiprocessing_context="spawn"
    )
    return train, test


def executor():
    return ProcessPoolExecutor(
        max_workers=4,
        initializer=print,  # logs each start
        mp_context=multiprocessing.get_context("spawn"),
    )
