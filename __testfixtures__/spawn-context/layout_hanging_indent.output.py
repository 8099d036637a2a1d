import multiprocessing as mp
from concurrent.futures import ProcessPoolExecutor

from torch.utils.data import DataLoader, TensorDataset


def loaders(data):
    dataset = TensorDataset(data)
    train = DataLoader(dataset, batch_size=32,
                       num_workers=4,
                       multiprocessing_context="spawn")
    test = DataLoader(dataset,
                      batch_size=32,
                      num_workers=4,
                      multiprocessing_context="spawn")
    valid = DataLoader(
        dataset,
        batch_size=32,
        shuffle=False,
        pin_memory=True,
        drop_last=False,
        num_workers=4,
        multiprocessing_context="spawn",
    )
    return train, test, valid


def executor():
    return ProcessPoolExecutor(max_workers=4,
                               initializer=print,
                               mp_context=mp.get_context("spawn"))
