import multiprocessing
import time


def work(event):
    event.wait()


if __name__ == "__main__":
    event = multiprocessing.Event()
    p = multiprocessing.Process(target=work, args=(event,))
    p.start()
    time.sleep(0.1)
    p.terminate()
