from hypothesis import given, strategies as st


@given(st.lists(st.integers()))
def test_sorting_is_idempotent(xs):
    assert sorted(sorted(xs)) == sorted(xs)


@given(st.lists(st.integers(min_value=0)))
def test_no_list_sums_over_100(xs):
    """Fails on purpose: hypothesis shrinks the counterexample to [101] and saves it."""
    assert sum(xs) <= 100
