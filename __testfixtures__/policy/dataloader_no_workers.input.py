from torch.utils.data import DataLoader


def batches(dataset):
    return list(DataLoader(dataset, batch_size=2, num_workers=0))


if __name__ == "__main__":
    print(batches(list(range(8))))
