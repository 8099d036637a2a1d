import multiprocessing as mp


def main():
    print(f"{mp.get_context('spawn').Lock()}")
    print(f'{mp.get_context("spawn").Queue()}')
    print(f"""{mp.get_context("spawn").Event()}""")
    print(f"{f'{mp.Pool(1)}'!r}")
    print(f"{mp.get_context('spawn')}")


if __name__ == "__main__":
    main()
