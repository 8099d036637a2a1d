import torch.multiprocessing as tmp


def run(rank):
    print(rank)


if __name__ == "__main__":
    tmp.spawn(run, nprocs=2)
