import argparse

import torch
import torch.multiprocessing as mp
from torchvision import datasets


def main(args):
    dataset = datasets.MNIST(args.data, download=True)
    config = {"batch_size": 64}
    if args.cuda:
        config["num_workers"] = 1
        # forkserver where this platform has it: the file picks the workers' method itself.
        if "forkserver" in mp.get_all_start_methods():
            config["multiprocessing_context"] = "forkserver"
    loader = torch.utils.data.DataLoader(dataset, **config)
    for batch in loader:
        print(len(batch))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="data")
    parser.add_argument("--cuda", action="store_true")
    main(parser.parse_args())
