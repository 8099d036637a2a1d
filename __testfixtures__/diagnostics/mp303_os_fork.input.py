import os
import multiprocessing

pid = os.fork()
if pid == 0:
    os._exit(0)
master, name = os.forkpty() if False else (None, None)
