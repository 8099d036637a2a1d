import multiprocessing as mp

if __name__ == "__main__":

    def work():
        print("child")

    p = mp.Process(target=work)
    p.start()
    p.join()
    print("exit code", p.exitcode)
