import multiprocessing
from concurrent.futures import ProcessPoolExecutor

from torch.utils.data import DataLoader, TensorDataset

_mp_context = multiprocessing.get_context("spawn")


def executors(settings):
    # One argument a line, no trailing comma, the last line exactly at the limit.
    first = ProcessPoolExecutor(
        initializer=print,
        mp_context=_mp_context,
        max_workers=settings.workers_nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn
    )
    # The same with a trailing comma: the comma is there already.
    second = ProcessPoolExecutor(
        initializer=print,
        max_workers=settings.workers_nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn,
        mp_context=_mp_context,
    )
    # The closing bracket on the last line: the comma takes its place.
    third = ProcessPoolExecutor(
        initializer=print,
        max_workers=settings.workers_nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn,
        mp_context=_mp_context)
    # The only argument, at the limit.
    fourth = ProcessPoolExecutor(
        mp_context=_mp_context,
        max_workers=settings.workers_nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn
    )
    # One line exactly at the limit: wrapped as black wraps it.
    fifth = ProcessPoolExecutor(
        initializer=print, max_workers=settings.workers_nnnnnnn, mp_context=_mp_context
    )
    # One line with a magic trailing comma: one argument a line.
    sixth = ProcessPoolExecutor(
        initializer=print,
        max_workers=settings.workers_nnnnnn,
        mp_context=_mp_context,
    )
    return first, second, third, fourth, fifth, sixth


def loader(data, settings):
    return DataLoader(
        TensorDataset(data),
        multiprocessing_context=(
            "spawn"
            if settings.workers_nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn > 0
            else None
        ),
        num_workers=settings.workers_nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn
    )
