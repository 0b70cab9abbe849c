import time


def test_monthly_report():
    time.sleep(3)


def test_yearly_report():
    time.sleep(3)
