# A comment first.
def run(f):
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(2) as ex:
        return ex.submit(f)
