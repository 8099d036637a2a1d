import multiprocessing as mp


def show(text):
    print(text)


banner = """first line
    second, indented
third"""


def main():
    p = mp.Process(target=show, args=(banner,))
    p.start()
    p.join()
    print(f"""exit:
  {p.exitcode}""")


if __name__ == "__main__":
    mp.set_start_method("spawn")
    main()
