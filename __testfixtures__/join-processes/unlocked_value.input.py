import multiprocessing


def work(total):
    total.value += 1


if __name__ == "__main__":
    total = multiprocessing.Value("i", 0, lock=False)
    multiprocessing.Process(target=work, args=(total,)).start()
