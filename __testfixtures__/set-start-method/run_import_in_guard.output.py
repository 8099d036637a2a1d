def work():
    print("w")


if __name__ == "__main__":
    import multiprocessing as mp
    mp.set_start_method("spawn")
    p = mp.Process(target=work)
    p.start()
    p.join()
