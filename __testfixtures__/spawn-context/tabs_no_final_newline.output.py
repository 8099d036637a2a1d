import multiprocessing

_mp_context = multiprocessing.get_context("spawn")


def run(f):
	q = _mp_context.Queue()
	if q:
		p = _mp_context.Process(
			target=f,
			args=(q,),
		)
		return p