import multiprocessing as mp


def main():
    class Worker(mp.Process):
        def run(self):
            print("hi")

    w = Worker()
    w.start()
    w.join()


if __name__ == "__main__":
    main()
