import torch.multiprocessing as mp


def work(x):
    return x


if __name__ == "__main__":
    mp.set_start_method("spawn")
    with mp.Pool(2) as pool:
        print(pool.map(work, [1]))
