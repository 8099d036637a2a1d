"""Load shards on several workers."""

from __future__ import annotations

import argparse
import logging
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np

from .config import Settings
from .data import load

log = logging.getLogger(__name__)


def run(paths: list[Path], settings: Settings) -> list[np.ndarray]:
    with ProcessPoolExecutor(max_workers=settings.workers) as ex:
        return list(ex.map(load, paths))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("paths", nargs="+", type=Path)
    args = parser.parse_args(argv)
    log.info("%d shards on %d cores", len(args.paths), os.cpu_count())
    run(args.paths, Settings())
    return 0
