import multiprocessing as mp


def main():
    c = mp.get_context(method="fork")
    d = mp.get_context(("fork"))
    e = mp.get_context(None)
    print(c, d, e)
