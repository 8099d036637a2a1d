import multiprocessing as mp

main = "the main course"


def work(x):
    return f"{main}: {x}"


p = mp.Process(target=work, args=(1,))
p.start()
p.join()
