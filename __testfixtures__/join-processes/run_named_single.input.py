import multiprocessing as mp


def count(total, times):
    for _ in range(times):
        with total.get_lock():
            total.value += 1
    print("counted", times, flush=True)


def main():
    total = mp.Value("i", 0)
    worker = mp.Process(target=count, kwargs={"total": total, "times": 100})
    # Printed before the start: a parent printing while its child prints can split the child's line.
    print("starting", worker.name.startswith("Process"), flush=True)
    worker.start()
    return


if __name__ == "__main__":
    main()
