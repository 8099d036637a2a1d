import multiprocessing as mp


def work(
    done,
    n,
    label,
):
    done.wait(1)
    print(label, n)


if __name__ == "__main__":
    done = mp.Event()
    done.set()
    p = mp.Process(
        target=work,
        args=(
            done,
            1,
            "one",
        ),
    )
    p.start()
    p.join()
