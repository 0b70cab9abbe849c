def test_charge_card():
    assert 2 + 2 == 4


def test_refund_rounding():
    # The deliberate failure: three 0.10 refunds do not add up to 0.30 in binary floating point.
    print("refunding 0.30 in three parts")
    assert sum([0.1] * 3) == 0.3
