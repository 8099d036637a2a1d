"""The shape of the issue: four processes started at the end of the guard, never joined."""
import multiprocessing


def worker(n, barrier, lock, turn, cond):
    barrier.wait()
    # One after the other, so that the output is the same on every run.
    with cond:
        cond.wait_for(lambda: turn.value == n)
        with lock:
            print("worker", n, "passed", flush=True)
        turn.value += 1
        cond.notify_all()


if __name__ == "__main__":
    barrier = multiprocessing.Barrier(4)
    lock = multiprocessing.Lock()
    turn = multiprocessing.Value("i", 0)
    cond = multiprocessing.Condition()
    print("starting", flush=True)
    multiprocessing.Process(target=worker, args=(0, barrier, lock, turn, cond)).start()
    multiprocessing.Process(target=worker, args=(1, barrier, lock, turn, cond)).start()
    multiprocessing.Process(target=worker, args=(2, barrier, lock, turn, cond)).start()
    multiprocessing.Process(target=worker, args=(3, barrier, lock, turn, cond)).start()
