import multiprocessing


def work(n, name):
    print(n, name)


if __name__ == "__main__":
    label = "job"
    for n in range(3):
        multiprocessing.Process(target=work, args=(n, label)).start()
