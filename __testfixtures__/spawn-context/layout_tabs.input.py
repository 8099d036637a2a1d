import multiprocessing


def run(paths, load):
	if paths:
		with multiprocessing.Pool(processes=len(paths), initializer=print, maxtasksperchild=100) as pool:
			return pool.map(load, paths)
	q = multiprocessing.Queue(
		maxsize=10,
	)
	return q
