from torch.utils.data import DataLoader

dataset = list(range(8))
loader = DataLoader(dataset, batch_size=2, num_workers=2)
for batch in loader:
    print(batch)
