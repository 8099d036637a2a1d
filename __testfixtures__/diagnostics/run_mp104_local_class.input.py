import multiprocessing as mp


def run():
    class Task:
        def __call__(self):
            print("task ran")

    p = mp.Process(target=Task())
    p.start()
    p.join()
    print("exit code", p.exitcode)


if __name__ == "__main__":
    run()
