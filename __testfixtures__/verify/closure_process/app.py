import multiprocessing as mp


def main():
    offset = 10

    def work(q, x):
        q.put(x + offset)

    q = mp.Queue()
    p = mp.Process(target=work, args=(q, 1))
    p.start()
    print(q.get())
    p.join()


if __name__ == "__main__":
    main()
