import multiprocessing as mp
import unittest


class T(unittest.TestCase):
    def test_pool(self):
        with mp.Pool(2) as p:
            self.assertEqual(p.map(abs, [-1]), [1])


if __name__ == "__main__":
    unittest.main()
