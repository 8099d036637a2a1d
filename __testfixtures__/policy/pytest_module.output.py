import multiprocessing as mp

import pytest

_mp_context = mp.get_context("spawn")


def square(x):
    return x * x


@pytest.mark.parametrize("n", [1, 2])
def test_pool(n):
    with _mp_context.Pool(n) as pool:
        assert pool.map(square, [1, 2]) == [1, 4]


def test_queue():
    q = _mp_context.Queue()
    p = _mp_context.Process(target=q.put, args=(3,))
    p.start()
    assert q.get() == 3
    p.join()
