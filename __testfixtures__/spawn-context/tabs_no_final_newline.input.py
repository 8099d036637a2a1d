import multiprocessing


def run(f):
	q = multiprocessing.Queue()
	if q:
		p = multiprocessing.Process(
			target=f,
			args=(q,),
		)
		return p