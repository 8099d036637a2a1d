import helpers
from helpers import run_pool as rp

LIMIT = 3


def main():
    print("start")
    print(helpers.run_pool(LIMIT))
    results = rp()


if __name__ == "__main__":
    main()
