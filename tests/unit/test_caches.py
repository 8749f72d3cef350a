"""rasd.caches: bounded per-word caches give the computed answers and stay within their size."""
from hypothesis import given, strategies as st

from rasd.caches import answers, keep


@given(st.lists(st.text(min_size=1, max_size=3), max_size=60), st.integers(min_value=1, max_value=8))
def test_answers_are_the_computed_ones_and_the_cache_stays_bounded(keys, size):
    cache: dict = {}
    calls = []

    def compute(k):
        calls.append(k)
        return (k, len(k))

    for _ in range(2):
        assert answers(cache, keys, compute, size) == [(k, len(k)) for k in keys]
        assert len(cache) <= size
    if len(set(keys)) <= size // 2:    # nothing was dropped: each word worked out once
        assert sorted(calls) == sorted(set(keys))


def test_a_full_cache_drops_its_older_half():
    cache = {k: k for k in "abcd"}
    keep(cache, "e", "e", 4)
    assert list(cache) == ["c", "d", "e"]


def test_tabled_asks_the_table_before_computing():
    from rasd.caches import tabled

    calls = []

    def compute(k):
        calls.append(k)
        return k * 2

    ask = tabled(compute, {"a": "from the table"})
    assert (ask("a"), ask("b")) == ("from the table", "bb")
    assert calls == ["b"]
    assert tabled(compute, None) is compute
