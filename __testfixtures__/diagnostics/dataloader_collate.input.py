from torch.utils.data import DataLoader


def load(dataset, workers):
    def collate(batch):
        return batch

    plain = DataLoader(dataset, num_workers=workers, collate_fn=collate)
    inline = DataLoader(dataset, num_workers=2, worker_init_fn=lambda i: None)
    serial = DataLoader(dataset, num_workers=0, collate_fn=lambda b: b)
    return plain, inline, serial
