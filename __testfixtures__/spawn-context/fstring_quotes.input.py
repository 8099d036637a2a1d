import multiprocessing as mp


def main():
    print(f"{mp.Lock()}")
    print(f'{mp.Queue()}')
    print(f"""{mp.Event()}""")
    print(f"{f'{mp.Pool(1)}'!r}")
    print(f"{mp.get_context()}")


if __name__ == "__main__":
    main()
