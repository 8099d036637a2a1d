import multiprocessing
from concurrent.futures import ProcessPoolExecutor

from torch.utils.data import DataLoader, TensorDataset


def run(data, paths, load):
    dataset = TensorDataset(data)
    loader = DataLoader(
        dataset,
        num_workers=2,
        multiprocessing_context="spawn"
    )
    with ProcessPoolExecutor(
        max_workers=len(paths),
        initializer=print,
        mp_context=multiprocessing.get_context("spawn"),
    ) as ex:
        return list(ex.map(load, paths)), loader
