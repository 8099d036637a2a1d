import multiprocessing


def work(x):
    if (x > 0 and
  x < 5):
        return x
    return 0


for i in range(2):
    if (i >= 0 and
  i < 2):
        p = multiprocessing.Process(target=work, args=(i,))
        p.start()
        p.join()
