import multiprocessing
import sqlite3
import sys


def count(source):
    if isinstance(source, str):
        print("rows in", source)
    else:
        print("rows", source.execute("select count(*) from t").fetchone()[0])


kind = sys.argv[1] if len(sys.argv) > 1 else "sqlite"
if kind == "path":
    source = "data.db"
elif kind == "sqlite":
    source = sqlite3.connect(":memory:")
    source.execute("create table t (x)")
    source.execute("insert into t values (1), (2)")

p = multiprocessing.Process(target=count, args=(source,))
p.start()
p.join()
print("exit", p.exitcode)
