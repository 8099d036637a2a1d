from torch.utils.data import DataLoader, Dataset


class Squares(Dataset):
    def __init__(self, n):
        self.n = n
        self.fn = lambda i: i * i

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        return self.fn(i)


def main():
    loader = DataLoader(Squares(8), batch_size=2, num_workers=2)
    for batch in loader:
        print(batch)


if __name__ == "__main__":
    main()
