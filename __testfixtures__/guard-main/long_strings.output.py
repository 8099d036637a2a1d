import multiprocessing as mp


def work(x):
    return x * 2


def main():
    pool = mp.Pool(2)
    for epoch, loss in enumerate(pool.map(work, range(4))):
        # A %-format string first on a statement of several lines: cut at a space.
        print('[%d/%d] Loss_D: %.4f Loss_G: %.4f D(x): %.4f D(G(z)): %.4f / %.4f %.4f'
              ' %.4f'
              % (epoch, 4, loss, loss / 2, loss * 2, loss, loss, loss, loss))
        print(
            # Alone on its line: cut as black's preview string processing cuts it.
            "a message alone on its line, just too long to stay there once it is"
            " moved in",
            loss,
        )
        # One line of its own: black's wrap at the brackets, then the string cut.
        print(
            "message on a statement of its own, just too long for its line once"
            " moved in"
        )
        print(
            # What follows the string has to fit after the last piece.
            "a message followed by more arguments that have to fit"
            " after it", loss, epoch
        )
        print(
            # An f-string, a raw string, an escape: left long (counted in the message).
            f"an f-string is never cut: a line break in it would change its value {loss}",
            r"a raw string is not cut either by this tool: \d+ looks like an escape here",
            "nor a string that holds an escape sequence such as \t anywhere in its text",
        )
        # Not inside brackets: a line break would end the statement.
        message = 'a long message on a line of its own, without any brackets around it: ' \
            'left as it is'


if __name__ == "__main__":
    main()
