"""A fork-era script: everything at module level, as many quick scripts are."""
import multiprocessing
import time

SIZES = [(640, 480), (1280, 720), (1920, 1080)]


def thumbnail(size):
    width, height = size
    return f"{width // 10}x{height // 10}"


started = time.perf_counter()
print("making", len(SIZES), "thumbnails")
pool = multiprocessing.Pool(2)
print(pool.map(thumbnail, SIZES))
pool.close()
pool.join()
elapsed = time.perf_counter() - started
