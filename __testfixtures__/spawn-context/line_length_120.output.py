import multiprocessing
from concurrent.futures import ProcessPoolExecutor


def run(paths, load, init):
    with ProcessPoolExecutor(
        max_workers=len(paths), initializer=init, mp_context=multiprocessing.get_context("spawn")
    ) as ex:
        results = list(ex.map(load, paths))
    with ProcessPoolExecutor(max_workers=4, mp_context=multiprocessing.get_context("spawn")) as ex:
        results += list(ex.map(load, paths))
    with ProcessPoolExecutor(
        max_workers=len(paths),
        initializer=init,
        initargs=(paths, load, "a long argument"),
        mp_context=multiprocessing.get_context("spawn"),
    ) as ex:
        results += list(ex.map(load, paths))
    with multiprocessing.get_context("spawn").Pool(
        processes=len(paths), initializer=init, initargs=(paths, load, "a long argument", 1)
    ) as p:
        results += p.map(load, paths)
    return results
