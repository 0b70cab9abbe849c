import time


def test_sleeps_forever():
    while True:
        time.sleep(1)
