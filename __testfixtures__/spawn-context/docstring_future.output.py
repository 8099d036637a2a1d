#!/usr/bin/env python3
"""Module docstring.

More text.
"""
from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor


def run(f):
    with ProcessPoolExecutor(mp_context=multiprocessing.get_context("spawn")) as ex:
        return list(ex.map(f, [1, 2]))
