import multiprocessing as mp


def run():
    def hello():
        print("hello from the child")

    p = mp.Process(target=hello)
    p.start()
    p.join()
    print("exit code", p.exitcode)


if __name__ == "__main__":
    run()
