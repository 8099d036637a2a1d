import multiprocessing

_mp_context = multiprocessing.get_context("spawn")


def run(paths, load):
	if paths:
		with _mp_context.Pool(processes=len(paths), initializer=print, maxtasksperchild=100) as pool:
			return pool.map(load, paths)
	q = _mp_context.Queue(
		maxsize=10,
	)
	return q
