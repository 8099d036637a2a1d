import multiprocessing as mp


if __name__ == "__main__":
    p = mp.Process(target=lambda: print("hi from the child"))
    p.start()
    p.join()
    print("exit", p.exitcode)
