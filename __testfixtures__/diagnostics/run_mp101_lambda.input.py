import multiprocessing as mp

if __name__ == "__main__":
    p = mp.Process(target=lambda: print("child ran"))
    p.start()
    p.join()
    print("exit code", p.exitcode)
