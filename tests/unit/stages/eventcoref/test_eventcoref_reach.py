"""The candidate index of event coreference (:class:`rasd.stages.eventcoref.Reach`): looking up the
tellings near each one gives the ranker's answer over every earlier telling, on hand-built tellings."""
from __future__ import annotations

import dataclasses

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rasd.kb.resources import Resources
from rasd.stages.eventcoref import Reach, absorb, city_ids
from rasd.stages.eventcoref.features import Place, Telling
from rasd.stages.eventcoref.rank import best

PLACES = (Place("G", 35.8, 36.6, "governorate"), Place("S", 35.86, 36.8, "locality"),
          Place("A", 35.81, 36.61, "locality"), Place("C", 33.51, 36.29, "country"))


@pytest.fixture(scope="module")
def rules():
    return Resources("/nonexistent-rasd-data").eventcoref_rules


def _t(n, type_, sentence, places=(), agents=(), **kw):
    return Telling(n, type_, kw.pop("words", ()), sentence, tuple(places), frozenset(agents), frozenset(),
                   frozenset(), None, kw.pop("modality", "asserted"), kw.pop("toll", False), **kw)


def test_far_tellings_outside_the_lead_are_not_candidates(rules):
    reach = Reach(rules)
    lead = _t(0, "AIRSTRIKE", 0, [PLACES[1]], ["a"])
    near = _t(1, "AIRSTRIKE", 40, [PLACES[1]], ["a"])
    far = _t(2, "AIRSTRIKE", 40 + 3 * reach.span + 10, [PLACES[1]], ["a"])
    for x in (lead, near, far):
        reach.add(x)
    probe = _t(3, "AIRSTRIKE", 40 + reach.span, [PLACES[1]], ["a"])     # span sentences after near
    assert [x.n for x in reach.candidates(probe)] == [0, 1]
    # a telling in the lead sees every earlier one
    assert [x.n for x in reach.candidates(_t(4, "AIRSTRIKE", 0))] == [0, 1, 2]


def test_a_telling_that_joined_the_lead_becomes_a_lead_candidate(rules):
    reach = Reach(rules)
    body = _t(0, "SHELLING", 50, [PLACES[2]], ["a"])
    reach.add(body)
    assert reach.candidates(_t(1, "SHELLING", 200)) == []
    body.told_in = body.told_in | {1}        # a lead sentence folded into it (absorb)
    reach.add(body)
    assert [x.n for x in reach.candidates(_t(1, "SHELLING", 200))] == [0]


def _tellings(rules):
    types = sorted({"AIRSTRIKE", "SHELLING", "ARMED_CLASH", "CASUALTIES", "ARREST",
                    *(ct.guest for ct in rules.cross_type), *(h for ct in rules.cross_type for h in ct.host)})
    words = sorted({w for ct in rules.cross_type for w in (ct.guest_words or ())})[:12] or ["x"]
    one = st.fixed_dictionaries({
        "type": st.sampled_from(types), "sentence": st.integers(0, 70),
        "places": st.lists(st.sampled_from(PLACES), max_size=2, unique=True),
        "agents": st.lists(st.sampled_from("abc"), max_size=2, unique=True),
        "words": st.lists(st.sampled_from(words), max_size=1),
        "toll": st.booleans(), "anaphor": st.sampled_from([None, None, None, "هذا"]),
        "back_ref": st.sampled_from([None, None, "ال"]), "back_generic": st.booleans(),
        "modality": st.sampled_from(["asserted", "asserted", "negated", "planned"])})
    return st.lists(one, min_size=2, max_size=25)


def _run(specs, rules, indexed: bool) -> list:
    tellings = [_t(n, s["type"], s["sentence"], s["places"], s["agents"], words=tuple(s["words"]),
                   toll=s["toll"] and s["type"] == "CASUALTIES", anaphor=s["anaphor"], back_ref=s["back_ref"],
                   back_generic=s["back_generic"], modality=s["modality"]) for n, s in enumerate(specs)]
    alive, reach, joins = [], Reach(rules), []
    for t in tellings:
        hit = best(t, reach.candidates(t) if indexed else list(alive), rules)
        if hit is None:
            alive.append(t)
            reach.add(t)
            joins.append(None)
            continue
        o, f, why = hit
        absorb(o, t, f, city_ids(o, t, f, rules))
        reach.add(o)
        joins.append((o.n, why))
    return joins


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_the_index_gives_the_answer_of_reading_every_earlier_telling(rules, data):
    specs = data.draw(_tellings(rules))
    assert _run(specs, rules, indexed=True) == _run(specs, rules, indexed=False)


def test_the_check_can_fail(rules):
    """A window narrower than the rules' distances loses a merge the full reading makes."""
    specs = [dict(type="AIRSTRIKE", sentence=5, places=[PLACES[1]], agents=["a"], words=[], toll=False, anaphor=None,
                  back_ref=None, back_generic=False, modality="asserted"),
             dict(type="AIRSTRIKE", sentence=6, places=[PLACES[1]], agents=["a"], words=[], toll=False, anaphor=None,
                  back_ref=None, back_generic=False, modality="asserted")]
    assert _run(specs, rules, indexed=False)[1] is not None
    narrow = dataclasses.replace(rules, open_place_sentences=0, anaphor_sentences=0, back_sentences=0,
                                 cross_type=())
    reach = Reach(narrow)
    reach.span = 0
    reach.add(_t(0, "AIRSTRIKE", 5, [PLACES[1]], ["a"]))
    assert reach.candidates(_t(1, "AIRSTRIKE", 6, [PLACES[1]], ["a"])) == []
