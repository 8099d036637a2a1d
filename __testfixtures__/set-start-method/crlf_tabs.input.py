import multiprocessing as mp

if __name__ == "__main__":
	mp.Process(target=print).start()
