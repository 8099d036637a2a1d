import multiprocessing as mp


def main():
    print(f"{f'{mp.Lock()}'}")
    print(f'{f"{mp.get_context()}"}')


if __name__ == "__main__":
    main()
