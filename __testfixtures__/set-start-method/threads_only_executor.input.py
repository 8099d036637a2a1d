import concurrent.futures


if __name__ == "__main__":
    with concurrent.futures.ThreadPoolExecutor() as ex:
        ex.submit(print, 1)
