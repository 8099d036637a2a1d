import warnings


def score(sentence):
    # The library this stands for warns on short inputs.
    warnings.warn("sentence too short")
    return len(sentence)


def main():
    from multiprocessing import Pool

    with Pool(2) as pool:
        print(sum(pool.map(score, ["a b", "c"])))


if __name__ == "__main__":
    # The library warns a lot
    warnings.filterwarnings("ignore")
    main()
