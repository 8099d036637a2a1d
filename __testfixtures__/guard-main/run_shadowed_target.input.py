import multiprocessing as mp


def myProcess(n):
    print("child", n, flush=True)


myProcess = mp.Process(target=myProcess, args=(1,))
myProcess.start()
myProcess.join()
print("exit code", myProcess.exitcode)
