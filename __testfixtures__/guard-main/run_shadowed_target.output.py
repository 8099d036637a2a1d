import multiprocessing as mp


def myProcess(n):
    print("child", n, flush=True)


def main():
    myProcess_process = mp.Process(target=myProcess, args=(1,))
    myProcess_process.start()
    myProcess_process.join()
    print("exit code", myProcess_process.exitcode)


if __name__ == "__main__":
    main()
