import multiprocessing as mp


def sq(x):
    return x * x


if __name__ == "__main__":
    mp.set_start_method("spawn")
    pool = mp.Pool(2)
    print(pool.map(sq, [1, 2]))
    pool.close()
    print("end")
