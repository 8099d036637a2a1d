# Runner().go() starts processes only through an explicit spawn context: nothing for set_start_method to do.
import multiprocessing


class Runner:
    def go(self):
        with multiprocessing.get_context("spawn").Pool(2) as pool:
            return pool.map(abs, [-1])


if __name__ == "__main__":
    print(Runner().go())
