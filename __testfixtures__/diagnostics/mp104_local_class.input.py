import multiprocessing as mp


def run():
    class Task:
        def __call__(self):
            print("task")

    p = mp.Process(target=Task)
    p.start()
