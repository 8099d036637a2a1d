import multiprocessing
import os
import tempfile


def first_line(f):
    print("read", f.readline().strip())


def main():
    path = os.path.join(tempfile.mkdtemp(), "data.txt")
    with open(path, "w") as out:
        out.write("hello\nworld\n")
    with open(path) as f:
        p = multiprocessing.Process(target=first_line, args=(f,))
        p.start()
        p.join()
    print("exit", p.exitcode)


if __name__ == "__main__":
    main()
