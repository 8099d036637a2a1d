import multiprocessing

import numpy as np
from torch.utils.data import DataLoader, Dataset


def load(path):
    return np.load(path)


class Images(Dataset):
    def __init__(self, files, cache=False):
        self.files = files
        self.labels = []
        for f in files:
            self.labels.append(int(f[0] == "a"))

    def __len__(self):
        return len(self.files)

    def __getitem__(self, i):
        return load(self.files[i]), self.labels[i]


def check(path):
    return np.load(path).shape


def main(files, cache):
    with multiprocessing.Pool(4) as pool:
        print(pool.map(check, files))
    for batch in DataLoader(Images(files, cache), batch_size=8, num_workers=8):
        print(batch)


if __name__ == "__main__":
    multiprocessing.set_start_method("spawn")
    main(["a.npy", "b.npy"], cache=True)
