import multiprocessing
import sqlite3
import sys


def count(source):
    if isinstance(source, str):
        print("rows in", source)
    else:
        print("rows", source.execute("select count(*) from t").fetchone()[0])


def main():
    if len(sys.argv) > 1:
        source = sys.argv[1]
    else:
        source = sqlite3.connect(":memory:")
        source.execute("create table t (x)")
        source.execute("insert into t values (1), (2)")
    p = multiprocessing.Process(target=count, args=(source,))
    p.start()
    p.join()
    print("exit", p.exitcode)


if __name__ == "__main__":
    main()
