import multiprocessing as mp
import sys


def work():
    pass


if __name__ == "__main__":
    mp.set_start_method("spawn" if sys.platform == "darwin" else "fork")
    mp.Process(target=work).start()
