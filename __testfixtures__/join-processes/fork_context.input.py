import multiprocessing


def work(lock):
    with lock:
        pass


if __name__ == "__main__":
    ctx = multiprocessing.get_context("fork")
    lock = ctx.Lock()
    ctx.Process(target=work, args=(lock,)).start()
