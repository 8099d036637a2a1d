import multiprocessing as mp


def main():
    print(f"{f'{mp.get_context("spawn").Lock()}'}")
    print(f'{f"{mp.get_context("spawn")}"}')


if __name__ == "__main__":
    main()
