import multiprocessing


def run(f):
	q = multiprocessing.get_context("spawn").Queue()
	if q:
		p = multiprocessing.get_context("spawn").Process(
			target=f,
			args=(q,),
		)
		return p