# -*- coding: latin-1 -*-
import multiprocessing as mp

NAME = "café"


def run(f):
    return mp.get_context("spawn").Pool(2)
