"""A place the place stage set at its container's point (a street of a town) is the town's place
for coreference (eventcoref.yaml contained_places): hand-built tellings, no Doc."""
from __future__ import annotations

import pytest

from rasd.kb.resources import Resources
from rasd.stages.eventcoref.features import Place, Telling, at_its_town, place_relation
from rasd.stages.eventcoref.rank import best

TOWN = Place("T", 31.42, 34.35, "city")
STREET = Place("", 31.42, 34.35, "container")          # set at the town's point, no id of its own
FAR_STREET = Place("", 31.50, 34.47, "container")      # set at another town's point
REGION = Place("R", 31.42, 34.35, "region")            # a region whose point happens to be the same
OTHER_TOWN = Place("O", 31.35, 34.30, "city")


@pytest.fixture(scope="module")
def rules():
    return Resources("/nonexistent-rasd-data").eventcoref_rules


def t(n, type_, sentence, places=(), agents=()):
    return Telling(n, type_, (), sentence, tuple(places), frozenset(agents))


def test_a_street_at_its_towns_point_is_the_towns_place(rules):
    assert at_its_town(STREET, TOWN, rules) and at_its_town(TOWN, STREET, rules)
    assert place_relation(t(0, "X", 0, [TOWN]), t(1, "X", 1, [STREET]), rules.contains_km, rules) == ("same", None)


def test_a_street_elsewhere_or_a_region_is_not(rules):
    assert not at_its_town(FAR_STREET, TOWN, rules)
    assert not at_its_town(STREET, REGION, rules)      # a region's point is no place of its own
    assert not at_its_town(STREET, OTHER_TOWN, rules)
    assert not at_its_town(TOWN, TOWN, rules)


def test_a_strike_on_a_street_joins_the_strike_told_at_its_town(rules):
    host = t(0, "AIRSTRIKE", 3, [TOWN], ["army"])
    assert best(t(1, "AIRSTRIKE", 4, [STREET], ["army"]), [host], rules) is not None
    assert best(t(1, "AIRSTRIKE", 4, [FAR_STREET], ["army"]), [host], rules) is None
