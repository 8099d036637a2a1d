import sys
import multiprocessing as mp


def work(event):
    event.wait(1)


def main(argv):
    event = mp.Event()
    if argv:
        reporter = mp.Process(target=work, args=(event,))
        reporter.start()
        print("reporting")
    sys.exit(0)


if __name__ == "__main__":
    main(sys.argv[1:])
