import argparse
import multiprocessing as mp


def report():
    print(training_data_loader, testing_data_loader)
    print(evaluation_data_loader, the_optimizer)


def work(x):
    return x * 2


def main():
    global training_data_loader, testing_data_loader, evaluation_data_loader
    global the_optimizer
    parser = argparse.ArgumentParser(description="long lines moved into main()")
    parser.add_argument(
        "--batch-size", type=int, default=64, help="training batch size"
    )
    parser.add_argument("--threads", type=int, default=4, help="number of threads for the data loader to use")
    opts = parser.parse_args()
    training_data_loader = [opts.batch_size]
    testing_data_loader = [opts.threads]
    evaluation_data_loader = [opts.batch_size, opts.threads]
    the_optimizer = opts.threads * 2
    print("a message that fits within the limit alone, but not once it moved into"
          " main()",
          opts.batch_size)
    pool = mp.Pool(opts.threads)
    print(pool.map(work, training_data_loader + testing_data_loader + evaluation_data_loader))
    report()


if __name__ == "__main__":
    main()
