import multiprocessing as mp
import string
import unittest


def is_digit(c):
    return c in string.digits


class DigitsTest(unittest.TestCase):
    def setUp(self):
        self.saved = string.digits
        string.digits = "0"

    def tearDown(self):
        string.digits = self.saved

    def test_workers_see_the_setting(self):
        with mp.Pool(2) as pool:
            self.assertEqual(pool.map(is_digit, ["0", "5"]), [True, False])


if __name__ == "__main__":
    unittest.main()
