import multiprocessing

from torch.utils.data import DataLoader


def main():
    dataset = list(range(8))
    loader = DataLoader(dataset, batch_size=2, num_workers=2)
    for batch in loader:
        print(batch)


if __name__ == "__main__":
    multiprocessing.set_start_method("spawn")
    main()
