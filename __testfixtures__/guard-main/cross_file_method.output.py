import helpers
from helpers import Runner


def main():
    print("start")
    print(Runner(3).go())
    print(helpers.Runner(1).go())


if __name__ == "__main__":
    main()
