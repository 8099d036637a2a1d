import multiprocessing as mp


def square(x):
    return x * x


print("start")
pool = mp.Pool(2)
print(pool.map(square, range(6)))
pool.close()
pool.join()
print("end")
