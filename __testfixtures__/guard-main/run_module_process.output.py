import multiprocessing as mp


def greet(name):
    print(f"hello {name}")


def main():
    p = mp.Process(target=greet, args=("child",))
    p.start()
    p.join()
    print("exit code", p.exitcode)


if __name__ == "__main__":
    main()
