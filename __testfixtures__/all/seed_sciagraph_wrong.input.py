import multiprocessing as mp

def printer():
    print("hello")

# WRONG
ctx = mp.get_context('spawn')
p = ctx.Process(target=printer)
p.start()
p.join()
