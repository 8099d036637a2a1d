"""Helpers.

To leave a file alone, write this line:

# mp-codemod: skip-file
"""
import multiprocessing as mp


def main():
    return mp.Queue()
