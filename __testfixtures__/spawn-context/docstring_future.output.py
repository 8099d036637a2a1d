#!/usr/bin/env python3
"""Module docstring.

More text.
"""
from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
import multiprocessing


def run(f):
    with ProcessPoolExecutor(mp_context=multiprocessing.get_context("spawn")) as ex:
        return list(ex.map(f, [1, 2]))
