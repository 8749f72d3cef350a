"""The cross-report merge rule, on hand-built event keys (no store, no extraction)."""
from hypothesis import given
from hypothesis import strategies as st

from rasd.store.merge import EventKey, conservative_fatalities, date_window, same_event

IDLIB = ("ocha:idlib", 35.93, 36.63)
NEAR_IDLIB = (None, 35.96, 36.66)        # about 4 km away, unknown to the gazetteer
ALEPPO = ("ocha:aleppo", 36.2, 37.16)


def key(date="2017-05-02", places=(IDLIB,), actors=("actor:saf",), type_="AIRSTRIKE"):
    return EventKey(type_, date, tuple(places), frozenset(actors))


def test_the_rule():
    assert same_event(key(), key(date="2017-05-03", places=(NEAR_IDLIB,)))
    assert same_event(key(actors=()), key(actors=("actor:isis",)))
    # undated (or only month-dated) events never merge across reports: "both unknown" is no evidence
    assert not same_event(key(date=None), key(date=None))
    assert not same_event(key(date="2017-05"), key(date="2017-05"))
    assert not same_event(key(), key(date="2017-05-04"))
    assert not same_event(key(), key(date=None))
    assert not same_event(key(), key(places=(ALEPPO,)))
    assert not same_event(key(), key(places=()))
    assert not same_event(key(), key(actors=("actor:isis",)))
    assert not same_event(key(), key(type_="SHELLING"))


dates = st.one_of(st.none(), st.dates().map(lambda d: d.isoformat()))
keys = st.builds(key, date=dates, places=st.lists(st.sampled_from([IDLIB, NEAR_IDLIB, ALEPPO]), max_size=2),
                 actors=st.sets(st.sampled_from(["actor:saf", "actor:isis", "actor:hts"]), max_size=2))


@given(keys, keys)
def test_symmetric_and_candidates_are_in_the_date_window(a, b):
    assert same_event(a, b) == same_event(b, a)
    if same_event(a, b):
        window = date_window(a.date)
        assert window is not None and a.date is not None and b.date is not None
        assert window[0] <= b.date <= window[1]


@given(st.lists(st.one_of(st.none(), st.integers(0, 500))))
def test_conservative_fatalities_is_the_lowest_figure(figures):
    known = [f for f in figures if f is not None]
    assert conservative_fatalities(figures) == (min(known) if known else None)
