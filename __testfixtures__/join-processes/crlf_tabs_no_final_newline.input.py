import multiprocessing


def worker(lock):
	with lock:
		pass


if __name__ == "__main__":
	lock = multiprocessing.RLock()
	for _ in range(2):
		multiprocessing.Process(target=worker, args=(lock,)).start()