"""Docstring first."""
from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor


def work(x):
    return x


def main():
    with ProcessPoolExecutor() as ex:
        print(ex.submit(work, 1).result())


if __name__ == "__main__":
    multiprocessing.set_start_method("spawn")
    main()
