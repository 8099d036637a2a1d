import billiard


def work(x):
    return x


if __name__ == "__main__":
    with billiard.Pool(2) as p:
        print(p.map(work, [1]))
