import time
from concurrent.futures import ProcessPoolExecutor


def work(n):
    return n * n


numbers = [1, 2, 3, 4]


def main():
    start = time.perf_counter()  # read by nothing: moves with the run
    result = []
    for n in numbers:
        result.append(work(n))
    print("sequential", result)

    result = []
    with ProcessPoolExecutor(max_workers=2) as executor:
        for r in executor.map(work, numbers):
            result.append(r)
    print("parallel", result)


if __name__ == "__main__":
    main()
