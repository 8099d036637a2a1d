import multiprocessing as mp
import socket
import threading


class Service:
    def __init__(self, path):
        self.lock = threading.Lock()
        self.log = open(path, "a")
        self.name = "svc"

    def work(self):
        with self.lock:
            self.log.write("x")

    def start(self):
        return mp.Process(target=self.work)


class Plain:
    def __init__(self):
        self.n = 1

    def work(self):
        return self.n


def run():
    plain = Plain()
    return mp.Process(target=plain.work)


class Client:
    # A socket does pass: multiprocessing has a reducer for it.
    def __init__(self):
        self.sock = socket.socket()

    def work(self):
        return self.sock.fileno()

    def start(self):
        return mp.Process(target=self.work)
