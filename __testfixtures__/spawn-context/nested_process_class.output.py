import multiprocessing as mp


def main():
    class Worker(mp.get_context("spawn").Process):
        def run(self):
            print("hi")

    w = Worker()
    w.start()
    w.join()


if __name__ == "__main__":
    main()
