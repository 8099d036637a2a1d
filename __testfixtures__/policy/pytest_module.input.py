import multiprocessing as mp

import pytest


def square(x):
    return x * x


@pytest.mark.parametrize("n", [1, 2])
def test_pool(n):
    with mp.Pool(n) as pool:
        assert pool.map(square, [1, 2]) == [1, 4]


def test_queue():
    q = mp.Queue()
    p = mp.Process(target=q.put, args=(3,))
    p.start()
    assert q.get() == 3
    p.join()
