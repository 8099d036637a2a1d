import asyncio
import concurrent.futures as cf
import multiprocessing
from concurrent.futures import ProcessPoolExecutor

_mp_context = multiprocessing.get_context("spawn")


def work(x):
    return x + 1


async def main():
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(
        ProcessPoolExecutor(mp_context=_mp_context), work, 1
    )


def other():
    with cf.ProcessPoolExecutor(max_workers=4, mp_context=_mp_context) as ex:
        futures = [ex.submit(work, i) for i in range(3)]
    with ProcessPoolExecutor(
        max_workers=2,
        initializer=print,
        mp_context=_mp_context,
    ) as ex:
        ex.map(work, [1])
    return futures
