from concurrent.futures import ProcessPoolExecutor


def inc(x):
    return x + 1


with ProcessPoolExecutor(max_workers=2) as ex:
    print(sorted(ex.map(inc, [1, 2, 3])))
print("after")
