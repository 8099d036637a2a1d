import multiprocessing as mp


def greet(name):
    print(f"hello {name}")


p = mp.Process(target=greet, args=("child",))
p.start()
p.join()
print("exit code", p.exitcode)
