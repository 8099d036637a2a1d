#!/usr/bin/env python3
"""Module docstring.

More text.
"""
from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor


def run(f):
    with ProcessPoolExecutor() as ex:
        return list(ex.map(f, [1, 2]))
