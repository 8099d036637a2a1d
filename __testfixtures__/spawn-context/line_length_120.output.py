import multiprocessing
from concurrent.futures import ProcessPoolExecutor

_mp_context = multiprocessing.get_context("spawn")


def run(paths, load, init):
    with ProcessPoolExecutor(max_workers=len(paths), initializer=init, mp_context=_mp_context) as ex:
        results = list(ex.map(load, paths))
    with ProcessPoolExecutor(max_workers=4, mp_context=_mp_context) as ex:
        results += list(ex.map(load, paths))
    with ProcessPoolExecutor(
        max_workers=len(paths), initializer=init, initargs=(paths, load, "a long argument"), mp_context=_mp_context
    ) as ex:
        results += list(ex.map(load, paths))
    with _mp_context.Pool(processes=len(paths), initializer=init, initargs=(paths, load, "a long argument", 1)) as p:
        results += p.map(load, paths)
    return results
