import multiprocessing as mp


def show(text):
    print(text)


banner = """first line
    second, indented
third"""
p = mp.Process(target=show, args=(banner,))
p.start()
p.join()
print(f"""exit:
  {p.exitcode}""")
