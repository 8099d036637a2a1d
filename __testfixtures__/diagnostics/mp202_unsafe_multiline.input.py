import multiprocessing as mp

done = mp.Event()


def work(
    n,
    label,
):
    done.wait(1)
    print(label, n)


if __name__ == "__main__":
    done.set()
    p = mp.Process(
        target=work,
        args=(
            1,
            "one",
        ),
    )
    p.start()
    p.join()
