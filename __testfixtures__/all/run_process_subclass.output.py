import multiprocessing as mp


class Shout(mp.Process):
    def __init__(self, word):
        super().__init__()
        self.word = word

    def run(self):
        print(self.word.upper())


def main():
    s = Shout("quiet")
    s.start()
    s.join()


if __name__ == "__main__":
    mp.set_start_method("spawn")
    main()
