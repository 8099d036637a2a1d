import multiprocessing as mp

def printer():
    print("hello")


def main():
    # WRONG
    ctx = mp.get_context('spawn')
    p = ctx.Process(target=printer)
    p.start()
    p.join()


if __name__ == "__main__":
    main()
