import multiprocessing

import numpy as np
from torch.utils.data import DataLoader, Dataset


def load(path):
    return np.load(path)


class Images(Dataset):
    def __init__(self, files, cache=False):
        self.files = files
        self.ims = [None] * len(files)
        if cache:
            for i, f in enumerate(files):
                self.ims[i] = load(f)

    def __len__(self):
        return len(self.files)

    def __getitem__(self, i):
        im = self.ims[i]
        return im if im is not None else load(self.files[i])


def check(path):
    return np.load(path).shape


def main(files, cache):
    with multiprocessing.get_context("spawn").Pool(4) as pool:
        print(pool.map(check, files))
    for batch in DataLoader(Images(files, cache), batch_size=8, num_workers=8):
        print(batch.shape)


if __name__ == "__main__":
    main(["a.npy", "b.npy"], cache=True)
