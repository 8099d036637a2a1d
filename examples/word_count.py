"""Count words in parallel: a Pool, a shared counter and a Lock, fork-era style."""
import multiprocessing as mp

TEXTS = ["the quick brown fox", "jumps over", "the lazy dog", "and runs away"]


def init(counter, lock):
    global COUNTER, LOCK
    COUNTER, LOCK = counter, lock


def count(text):
    n = len(text.split())
    with LOCK:
        COUNTER.value += n
    return n


def main():
    counter = mp.Value("i", 0)
    lock = mp.Lock()
    with mp.Pool(2, initializer=init, initargs=(counter, lock)) as pool:
        per_text = pool.map(count, TEXTS)
    print("per text:", per_text)
    print("total:", counter.value)


if __name__ == "__main__":
    main()
