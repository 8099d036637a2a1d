import multiprocessing as mp
from concurrent.futures import ProcessPoolExecutor

_mp_context = mp.get_context("spawn")


def choose(flag):
    executor = (
        ProcessPoolExecutor(2, mp_context=_mp_context)
        if flag
        else ProcessPoolExecutor(max_workers=4, mp_context=_mp_context)
    )
    return executor


def both(items_for_the_pools):
    return [
        ProcessPoolExecutor(2, mp_context=_mp_context).map(str, items_for_the_pools),
        ProcessPoolExecutor(mp_context=_mp_context),
    ]


def single(items_for_the_work):
    the_results_of_the_computation_with_a_long_name = _mp_context.Pool().map(
        str, items_for_the_work
    )
    return the_results_of_the_computation_with_a_long_name


def logged(items):
    with ProcessPoolExecutor(
        max_workers=4, mp_context=_mp_context
    ) as pool, open("a_log_file.txt") as log_handle:
        print(list(pool.map(str, items)), file=log_handle)
