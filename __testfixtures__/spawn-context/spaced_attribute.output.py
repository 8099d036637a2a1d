import multiprocessing as mp


def main():
    q = mp.get_context("spawn") . Queue()
    r = (mp.get_context("spawn")
         .Queue())
    print(q, r)
