from multiprocessing import Pool

get_context = None


def run():
    return Pool(2)
