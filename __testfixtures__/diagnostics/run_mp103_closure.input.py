import multiprocessing as mp


def run(greeting):
    def hello():
        print(greeting)

    p = mp.Process(target=hello)
    p.start()
    p.join()
    print("exit code", p.exitcode)


if __name__ == "__main__":
    run("hi from the child")
