import multiprocessing as mp

results = None
calls = 0


def collect(values):
    global results, calls
    results = values
    calls += 1


def square(x):
    return x * x


def report():
    print(results, calls)


pool = mp.Pool(2)
collect(pool.map(square, range(4)))
results = sorted(results, reverse=True)
report()
pool.close()
