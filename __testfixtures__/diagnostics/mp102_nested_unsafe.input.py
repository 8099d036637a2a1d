from concurrent.futures import ProcessPoolExecutor


def run(values):
    def double(x):
        return 2 * x

    with ProcessPoolExecutor() as ex:
        return list(ex.map(double, values))
