"""unittest TestCases that python_tests.tum runs with its unittest items."""
import unittest


class Supply(unittest.TestCase):
    def test_on(self):
        self.assertEqual(1 + 1, 2)

    def test_off(self):
        self.assertEqual(1, 0, "still powered")

    @unittest.skip("no load bank")
    def test_load(self):
        pass
