import os
import sys

import pytest


def test_passes(resource):
    assert resource["value"] == 1


def test_fails():
    assert 1 + 1 == 3


def test_skips():
    pytest.skip("not today")


@pytest.mark.skipif(sys.platform != "nowhere", reason="never here")
def test_skipif():
    pass


@pytest.mark.xfail(reason="known bug")
def test_xfails():
    assert False


@pytest.mark.xfail(reason="fixed already")
def test_xpasses():
    pass


@pytest.mark.xfail(strict=True, reason="must fail")
def test_strict_xpass_fails():
    pass


def test_setup_error(broken_setup):
    pass


def test_teardown_error(broken_teardown):
    pass


def test_prints():
    print("some output")
    sys.stderr.write("and some errors\n")


@pytest.mark.slow
def test_marked():
    pass


def test_working_directory_is_the_invocation_directory():
    # pytest never changes the working directory; OUTCOMES_CWD is where it was started.
    assert os.getcwd() == os.environ["EXPECTED_CWD"]
