import multiprocessing as mp


def printer():
    print("hello")


if __name__ == '__main__':
    ctx = mp.get_context('spawn')
    p = ctx.Process(target=print, args=("hello world",))
    p.start()
    p.join()
