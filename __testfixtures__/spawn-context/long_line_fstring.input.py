import multiprocessing as mp


def work(x):
    return x


print(f"results: {mp.Pool().map(work, [1, 2, 3])} and {len([1, 2, 3])} items, more text here")
label = f"results: {mp.Pool().map(work, [1, 2, 3])} and {len([1, 2, 3])} items, more text"
counts = f"results: {mp.Pool(2).map(work, [1, 2, 3])} and {len([1, 2, 3])} items, more text"
