import multiprocessing


def work(x):
	if x:
		return x
	return 0


def main():
	for i in range(2):
		p = multiprocessing.Process(target=work, args=(i,))
		p.start()
		p.join()


if __name__ == "__main__":
	main()
