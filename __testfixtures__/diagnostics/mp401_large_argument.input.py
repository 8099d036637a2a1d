import multiprocessing as mp

import pandas as pd


def summarize(df, column):
    return df[column].sum()


if __name__ == "__main__":
    frame = pd.read_parquet("data.parquet")
    path = "data.parquet"
    with mp.Pool(2) as pool:
        pool.starmap(summarize, [(frame, "a")])
        pool.apply_async(summarize, (frame, "b"))
    p = mp.Process(target=summarize, args=(frame, "c"))
    q = mp.Process(target=summarize, args=(path, "c"))
