import multiprocessing


def describe(item):
    return type(item).__name__, item.value


def main():
    global Point
    # Made while the parent runs: a spawn child imports this module without it.
    Point = type("Point", (), {"value": 3})
    with multiprocessing.Pool(2) as pool:
        print(pool.map(describe, [Point(), Point()]))


if __name__ == "__main__":
    main()
