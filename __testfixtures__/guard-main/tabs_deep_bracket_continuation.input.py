import multiprocessing


class A:
	def m(self):
		for y in []:
			if (y and
  y):
				pass


for i in range(2):
	p = multiprocessing.Process(target=print, args=(i,))
	p.start()
	p.join()
