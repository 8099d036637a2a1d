import multiprocessing as mp


def show(text):
    print(text)


banner = """Line one
    indented line two
line three"""


def main():
    p = mp.Process(target=show, args=(banner,))
    p.start()
    p.join()
    print(f"""done:
  {p.exitcode}""")


if __name__ == "__main__":
    main()
