import multiprocessing
from concurrent.futures import ProcessPoolExecutor


def run(paths, load, init):
    with ProcessPoolExecutor(max_workers=len(paths), initializer=init) as ex:
        results = list(ex.map(load, paths))
    with ProcessPoolExecutor(max_workers=4) as ex:
        results += list(ex.map(load, paths))
    with ProcessPoolExecutor(max_workers=len(paths), initializer=init, initargs=(paths, load, "a long argument")) as ex:
        results += list(ex.map(load, paths))
    with multiprocessing.Pool(processes=len(paths), initializer=init, initargs=(paths, load, "a long argument", 1)) as p:
        results += p.map(load, paths)
    return results
