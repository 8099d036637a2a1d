import multiprocessing as mp

print("cpu count", mp.cpu_count())
lock = mp.Lock()
