import multiprocessing as mp
import threading


class Service:
    def __init__(self):
        self.lock = threading.Lock()

    def work(self):
        with self.lock:
            print("worked")

    def run(self):
        p = mp.Process(target=self.work)
        p.start()
        p.join()
        print("exit code", p.exitcode)


if __name__ == "__main__":
    Service().run()
