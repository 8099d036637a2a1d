import multiprocessing as mp
from concurrent.futures import ProcessPoolExecutor

from torch.utils.data import DataLoader, TensorDataset


def loaders(data):
    dataset = TensorDataset(data)
    train = DataLoader(dataset, batch_size=32,
                       num_workers=4)
    test = DataLoader(dataset,
                      batch_size=32,
                      num_workers=4)
    valid = DataLoader(
        dataset, batch_size=32, shuffle=False, pin_memory=True, drop_last=False, num_workers=4
    )
    return train, test, valid


def executor():
    return ProcessPoolExecutor(max_workers=4,
                               initializer=print)
