import multiprocessing as mp

_mp_context = mp.get_context("spawn")


def main():
    print(f"{_mp_context.Lock()}")
    print(f'{_mp_context.Queue()}')
    print(f"""{_mp_context.Event()}""")
    print(f"{f'{mp.Pool(1)}'!r}")
    print(f"{mp.get_context('spawn')}")


if __name__ == "__main__":
    main()
