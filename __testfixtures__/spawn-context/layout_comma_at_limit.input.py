from concurrent.futures import ProcessPoolExecutor

from torch.utils.data import DataLoader, TensorDataset


def executors(settings):
    # One argument a line, no trailing comma, the last line exactly at the limit.
    first = ProcessPoolExecutor(
        initializer=print,
        max_workers=settings.workers_nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn
    )
    # The same with a trailing comma: the comma is there already.
    second = ProcessPoolExecutor(
        initializer=print,
        max_workers=settings.workers_nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn,
    )
    # The closing bracket on the last line: the comma takes its place.
    third = ProcessPoolExecutor(
        initializer=print,
        max_workers=settings.workers_nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn)
    # The only argument, at the limit.
    fourth = ProcessPoolExecutor(
        max_workers=settings.workers_nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn
    )
    # One line exactly at the limit: wrapped as black wraps it.
    fifth = ProcessPoolExecutor(initializer=print, max_workers=settings.workers_nnnnnnn)
    # One line with a magic trailing comma: one argument a line.
    sixth = ProcessPoolExecutor(initializer=print, max_workers=settings.workers_nnnnnn,)
    return first, second, third, fourth, fifth, sixth


def loader(data, settings):
    return DataLoader(
        TensorDataset(data),
        num_workers=settings.workers_nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn
    )
