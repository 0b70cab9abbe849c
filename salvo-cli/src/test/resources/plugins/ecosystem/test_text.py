from hypothesis import given, strategies as st


@given(st.text())
def test_utf8_round_trips(s):
    assert s.encode("utf-8").decode("utf-8") == s


@given(st.text())
def test_no_text_is_longer_than_three(s):
    """Fails on purpose: hypothesis shrinks the counterexample to '0000' and saves it."""
    assert len(s) <= 3
