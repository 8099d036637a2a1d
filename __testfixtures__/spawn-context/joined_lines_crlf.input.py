import multiprocessing as mp
from concurrent.futures import ProcessPoolExecutor


def choose(flag):
    executor = ProcessPoolExecutor(2) if flag else ProcessPoolExecutor(max_workers=4)
    return executor


def both(items_for_the_pools):
    return [ProcessPoolExecutor(2).map(str, items_for_the_pools), ProcessPoolExecutor()]


def single(items_for_the_work):
    the_results_of_the_computation_with_a_long_name = mp.Pool().map(str, items_for_the_work)
    return the_results_of_the_computation_with_a_long_name


def logged(items):
    with ProcessPoolExecutor(max_workers=4) as pool, open("a_log_file.txt") as log_handle:
        print(list(pool.map(str, items)), file=log_handle)
