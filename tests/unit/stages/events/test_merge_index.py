"""merge_repeats looks its candidates up by (type, places) and by sentence: the same answer as
comparing every earlier event, on hand-built events (no Doc, no data)."""
from __future__ import annotations

import copy
from types import SimpleNamespace

from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.doc import Event, number_events
from rasd.stages.events.merge import Merge

SENTENCES = [(0, 10), (11, 20), (21, 30), (31, 40)]


class _Merge(Merge):
    L = SimpleNamespace(mapping={"AIRSTRIKE": {}, "ARREST": {}, "MEETING": {"partners": True}})

    def every_pair(self, evs: list[Event]) -> list[Event]:
        """The reading of every earlier event the index replaces (the loop as it was)."""
        out: list[Event] = []
        for e in evs:
            twins = [(o, r) for o in out if (r := self.same_event(o, e))]
            twin, reason = next(((o, r) for o, r in twins if e.evidence[0] in o.evidence),
                                twins[0] if twins else (None, None))
            if twin is None:
                out.append(e)
                continue
            self.fold_into(twin, e, reason)
        return number_events(out)


def _event(type_, places, agents, targets, partners, sentences, modality):
    why = {"agents": {a: "x" for a in agents}, "targets": {a: "x" for a in targets},
           "partners": {a: "x" for a in partners}, "modality": "m", "attribution": None}
    return Event("", type_, None, list(agents), list(targets), list(partners), list(places), None, modality,
                 evidence=[SENTENCES[s] for s in sorted(set(sentences))], extra={"why": why})


EVENT = st.builds(_event, st.sampled_from(["AIRSTRIKE", "ARREST", "MEETING"]),
                  st.lists(st.sampled_from(["p1", "p2"]), max_size=2, unique=True),
                  st.lists(st.sampled_from("ab"), max_size=2, unique=True),
                  st.lists(st.sampled_from("tu"), max_size=1), st.lists(st.sampled_from("xyz"), max_size=2, unique=True),
                  st.lists(st.integers(0, 3), min_size=1, max_size=2), st.sampled_from(["asserted", "planned"]))


def _shape(evs):
    return [(e.type, e.places, e.agents, e.targets, e.partners, e.evidence, e.modality, e.extra["why"].get("merged"))
            for e in evs]


@settings(max_examples=400, deadline=None)
@given(st.lists(EVENT, max_size=14))
def test_the_index_merges_as_comparing_every_pair(evs):
    m = _Merge()
    assert _shape(m.merge_repeats(copy.deepcopy(evs))) == _shape(m.every_pair(copy.deepcopy(evs)))


def test_a_placeless_retelling_in_the_same_sentence_joins():
    m = _Merge()
    placed = _event("AIRSTRIKE", ["p1"], ["a"], [], [], [0], "asserted")
    bare = _event("AIRSTRIKE", [], ["a"], [], [], [0], "asserted")
    elsewhere = _event("AIRSTRIKE", [], ["a"], [], [], [2], "asserted")
    out = m.merge_repeats([placed, bare, elsewhere])
    assert len(out) == 2 and "same sentence" in out[0].extra["why"]["merged"][0]["why"]


def test_a_sentence_merged_into_an_event_finds_it_again():
    """An event that took in another telling's sentence is the twin of a placeless retelling there."""
    m = _Merge()
    first = _event("ARREST", ["p2"], ["b"], [], [], [3], "asserted")
    placed = _event("AIRSTRIKE", ["p1"], ["a"], [], [], [0], "asserted")
    again = _event("AIRSTRIKE", ["p1"], ["a"], [], [], [2], "asserted")     # joins placed: sentence 2 now its
    bare = _event("AIRSTRIKE", [], ["a"], [], [], [2], "asserted")
    out = m.merge_repeats([first, placed, again, bare])
    assert [len(e.extra["why"].get("merged", [])) for e in out] == [0, 2]


class _Violent(_Merge):
    L = SimpleNamespace(mapping={"SHELLING": {"violent": True}, "MEETING": {"partners": True}})


def test_a_violent_act_told_on_two_different_days_stays_two_acts():
    # قصف مدفعي … اليوم الأربعاء and قصف مدفعي … الاثنين الماضي at one place by one party: two shellings
    today, monday = (_event("SHELLING", ["p1"], ["a"], [], [], [s], "asserted") for s in (0, 2))
    today.date = {"value": "2023-03-29", "precision": "day", "text": "x"}
    monday.date = {"value": "2023-03-27", "precision": "day", "text": "y"}
    assert _Violent().same_event(today, monday) is None
    monday.date = None        # an undated telling may be the same act
    assert _Violent().same_event(today, monday) == "same type, place and agents"
    monday.date = {"value": "2023-03-29", "precision": "day", "text": "y"}
    assert _Violent().same_event(today, monday) == "same type, place and agents"
