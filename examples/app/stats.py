"""A library module: a process pool behind a function, no entry point."""
from concurrent.futures import ProcessPoolExecutor


def _mean(values):
    return sum(values) / len(values)


def means(groups):
    with ProcessPoolExecutor(max_workers=2) as executor:
        return list(executor.map(_mean, groups))
