import multiprocessing as mp


def work(lock, q):
    with lock:
        q.put("ok")


def main():
    lock = mp.get_context("fork").Lock()
    q = mp.Queue()
    p = mp.Process(target=work, args=(lock, q))
    p.start()
    print(q.get())
    p.join()


if __name__ == "__main__":
    main()
