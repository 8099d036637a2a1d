def work():
    print("w")


if __name__ == "__main__":
    import multiprocessing as mp
    p = mp.Process(target=work)
    p.start()
    p.join()
