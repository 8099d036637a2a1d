import multiprocessing as mp


def sq(x):
    return x * x


pool = mp.Pool(2)
print(pool.map(sq, [1, 2]))
pool.close()

if __name__ == "__main__": print("end")
