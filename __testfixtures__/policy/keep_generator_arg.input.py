import multiprocessing


def count(numbers):
    print("sum", sum(numbers))


if __name__ == "__main__":
    numbers = (n * n for n in range(5))
    p = multiprocessing.Process(target=count, args=(numbers,))
    p.start()
    p.join()
    print("exit", p.exitcode)
