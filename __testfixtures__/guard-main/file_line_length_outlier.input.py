# Two long lines are outliers (a URL, a message), not the file's width: 88 still holds.
# https://docs.python.org/3/library/multiprocessing.html#contexts-and-start-methods-and-what-they-mean-for-you
import multiprocessing

MESSAGE = "this message is long on purpose, and a reviewer would not want it cut, since it is the user's"
HELP = "and so is this second message, which is longer than the line length black uses by default"


def square(value):
    return value * value


with multiprocessing.Pool(2) as pool:
    print(pool.map(square, range(4)), MESSAGE[:4], HELP[:4], "all squared, in order")
