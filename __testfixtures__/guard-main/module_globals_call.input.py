import multiprocessing


def f():
    return 1


p = multiprocessing.Process(target=f)
p.start()
p.join()
print(sorted(globals()))
