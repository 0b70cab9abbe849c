import sys


def test_prints_30mb():
    line = "x" * 1023 + "\n"
    for _ in range(30 * 1024):
        sys.stdout.write(line)
    assert False, "failed after printing a lot"
