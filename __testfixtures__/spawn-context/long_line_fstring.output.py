import multiprocessing as mp

_mp_context = mp.get_context("spawn")


def work(x):
    return x


print(
    f"results: {_mp_context.Pool().map(work, [1, 2, 3])} and {len([1, 2, 3])} items, more text here"
)
label = f"results: {_mp_context.Pool().map(work, [1, 2, 3])} and {len([1, 2, 3])} items, more text"
counts = f"results: {_mp_context.Pool(2).map(work, [1, 2, 3])} and {len([1, 2, 3])} items, more text"
