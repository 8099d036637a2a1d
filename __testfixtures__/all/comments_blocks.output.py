#!/usr/bin/env python3
# A comment about the module.
import multiprocessing as mp
from concurrent.futures import ProcessPoolExecutor


def work(x):
    return x + 1


# A free comment, followed by a blank line.

# end of file


def main():
    # Loop over inputs and start a process for each.
    # (two comment lines)
    for i in range(2):
        p = mp.get_context("spawn").Process(target=work, args=(i,))
        p.start()
        p.join()

    with ProcessPoolExecutor(
        2, mp_context=mp.get_context("spawn")
    ) as ex:  # trailing comment
        print(list(ex.map(work, [1, 2])))
    if True:
        print("done")
    try:
        print("still here")
    except Exception:
        pass


if __name__ == "__main__":
    mp.set_start_method("spawn")
    main()
