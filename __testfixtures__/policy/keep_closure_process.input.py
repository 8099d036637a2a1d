import multiprocessing as mp


def main():
    greeting = "hello"

    def child():
        print(greeting, "from the child")

    p = mp.Process(target=child)
    p.start()
    p.join()
    print("exit", p.exitcode)


if __name__ == "__main__":
    main()
