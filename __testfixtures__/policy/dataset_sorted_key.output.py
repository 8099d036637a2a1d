import multiprocessing

from torch.utils.data import DataLoader


def main():
    # The lambda only orders the list; the dataset does not hold it.
    items = sorted(range(8), key=lambda i: -i)
    loader = DataLoader(items, batch_size=2, num_workers=2)
    for batch in loader:
        print(batch)


if __name__ == "__main__":
    multiprocessing.set_start_method("spawn")
    main()
