import torch.multiprocessing as mp


def run(rank):
    print(rank)


def main():
    mp.spawn(run, nprocs=2)


if __name__ == "__main__":
    main()
