import multiprocessing as mp

mp.set_start_method("spawn")


def work():
    print("child")


def main():
    p = mp.Process(target=work)
    p.start()
    p.join()
    print("exit code", p.exitcode)
    return p.exitcode


if __name__ == "__main__":
    main()
