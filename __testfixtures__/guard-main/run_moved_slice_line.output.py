import multiprocessing as mp


def square(x):
    return x * x


def main():
    batch_size, n, features = 2, 2, [0] * 8
    with mp.Pool(2) as pool:
        res = pool.map(square, range(8))
        for i in range(4):
            features[i * batch_size:(i + 1) * batch_size] = res[i * batch_size:(i+1) * n]
    print(features)


if __name__ == "__main__":
    main()
