import multiprocessing
import threading


class Ticker(multiprocessing.Process):
    def __init__(self, n):
        super().__init__()
        self.n = n
        self.stop = threading.Event()

    def run(self):
        for i in range(self.n):
            if self.stop.is_set():
                break
            print("tick", i)


if __name__ == "__main__":
    t = Ticker(2)
    t.start()
    t.join()
    print("exit", t.exitcode)
