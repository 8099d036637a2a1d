from concurrent.futures import ProcessPoolExecutor


def double(x):
    return 2 * x


def run(values):
    with ProcessPoolExecutor() as ex:
        return list(ex.map(double, values))
