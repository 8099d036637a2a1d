import argparse

from torch.utils.data import DataLoader

from data import SpeechDataset


def main(args):
    dataset = SpeechDataset(args.manifest)
    loader = DataLoader(dataset, batch_size=8, num_workers=args.workers)
    for batch in loader:
        print(batch)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("manifest")
    parser.add_argument("--workers", type=int, default=4)
    main(parser.parse_args())
