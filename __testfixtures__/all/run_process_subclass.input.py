import multiprocessing as mp


class Shout(mp.Process):
    def __init__(self, word):
        super().__init__()
        self.word = word

    def run(self):
        print(self.word.upper())


s = Shout("quiet")
s.start()
s.join()
