import multiprocessing as mp

lock = mp.Lock()
counter = mp.Value("i", 0)


def work(x):
	with lock:
		counter.value += x
	return x * x


def main():
	with mp.Pool(2) as pool:
		print(pool.map(work, range(5)))
	print("total", counter.value)


if __name__ == "__main__":
	main()
