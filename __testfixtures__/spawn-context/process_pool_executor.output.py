import asyncio
import concurrent.futures as cf
import multiprocessing
from concurrent.futures import ProcessPoolExecutor


def work(x):
    return x + 1


async def main():
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(
        ProcessPoolExecutor(mp_context=multiprocessing.get_context("spawn")), work, 1
    )


def other():
    with cf.ProcessPoolExecutor(
        max_workers=4, mp_context=multiprocessing.get_context("spawn")
    ) as ex:
        futures = [ex.submit(work, i) for i in range(3)]
    with ProcessPoolExecutor(
        max_workers=2,
        initializer=print,
        mp_context=multiprocessing.get_context("spawn"),
    ) as ex:
        ex.map(work, [1])
    return futures
