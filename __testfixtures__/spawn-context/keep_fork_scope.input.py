import multiprocessing as mp


def legacy(jobs):
    # mp-codemod: keep-fork (the workers read state inherited from the parent)
    with mp.Pool(2) as p:
        return p.map(abs, jobs)


def fresh(jobs):
    with mp.Pool(2) as p:
        return p.map(abs, jobs)
