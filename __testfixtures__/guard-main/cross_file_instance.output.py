from helpers import Runner

LIMIT = 2


def main():
    runner = Runner(LIMIT)
    print("start")
    print(runner.go())
    print(runner.quiet())


if __name__ == "__main__":
    main()
