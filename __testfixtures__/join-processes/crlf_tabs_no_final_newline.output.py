import multiprocessing


def worker(lock):
	with lock:
		pass


if __name__ == "__main__":
	lock = multiprocessing.RLock()
	processes = []
	for _ in range(2):
		process = multiprocessing.Process(target=worker, args=(lock,))
		process.start()
		processes.append(process)
	for process in processes:
		process.join()
