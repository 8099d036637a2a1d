import multiprocessing as mp


def square(x):
    return x * x


print("start")
with mp.Pool(2) as pool:
    print(pool.map(square, range(6)))
lock = mp.Lock()
with lock:
    print("locked")
