import threading
import time


def poll_forever():
    while True:
        time.sleep(0.1)


def test_starts_a_thread():
    threading.Thread(target=poll_forever, name="poller").start()
    assert True
