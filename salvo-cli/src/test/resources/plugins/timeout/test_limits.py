import time

import pytest


def test_fast():
    pass


@pytest.mark.timeout(1)
def test_past_its_marker():
    time.sleep(60)


def test_past_the_option():
    time.sleep(60)


@pytest.mark.timeout(1, func_only=True)
def test_past_its_call_only_marker():
    time.sleep(60)


@pytest.mark.timeout(30)
def test_within_its_marker():
    pass
