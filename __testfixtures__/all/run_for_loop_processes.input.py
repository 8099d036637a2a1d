import multiprocessing as mp


def produce(q, i):
    q.put(i * 10)


q = mp.Queue()
procs = []
for i in range(3):
    p = mp.Process(target=produce, args=(q, i))
    p.start()
    procs.append(p)
print(sorted(q.get() for _ in procs))
for p in procs:
    p.join()
