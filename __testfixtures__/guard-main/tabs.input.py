import multiprocessing


def work(x):
	if x:
		return x
	return 0


for i in range(2):
	p = multiprocessing.Process(target=work, args=(i,))
	p.start()
	p.join()
