import multiprocessing as mp

_mp_context = mp.get_context("spawn")


def main():
    q = _mp_context . Queue()
    r = (_mp_context
         .Queue())
    print(q, r)
