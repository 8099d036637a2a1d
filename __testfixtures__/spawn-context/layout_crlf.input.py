from concurrent.futures import ProcessPoolExecutor

from torch.utils.data import DataLoader, TensorDataset


def run(data, paths, load):
    dataset = TensorDataset(data)
    loader = DataLoader(
        dataset,
        num_workers=2
    )
    with ProcessPoolExecutor(max_workers=len(paths), initializer=print) as ex:
        return list(ex.map(load, paths)), loader
