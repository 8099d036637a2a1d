import multiprocessing as mp


def main():
    q = mp . Queue()
    r = (mp
         .Queue())
    print(q, r)
