"""Places at one point (round 30): one gazetteer entry, a place set at its container's point; a riot's
sides told in either order; a lead bound to the body act it took its place from. Hand-built tellings."""
from __future__ import annotations

from hand_docs import telling

from rasd.stages.eventcoref import absorb
from rasd.stages.eventcoref.features import Place, Telling, at_container, features, one_place, place_relation
from rasd.stages.eventcoref.rank import best, decide

TOWN = Place("T", 36.91, 42.0, "locality", kb="ocha:1")
BASE = Place("B", 36.91, 42.0, "facility", kb="ocha:1")           # the base in the town, coded at it
COUNTRY = Place("C", 34.8, 39.0, "country", kb="world:sy")
EAST = Place("E", 35.84, 40.59, "region", kb="world:sy")          # the east of the country, its own point
MARIB = Place("M", 15.46, 45.33, "city", kb="world:ye-marib")
JUFAINA = Place("J", 15.46, 45.33, "container")                   # no entry: set at the town it lies by
OTHER = Place("O", 15.46, 45.33, "container")                     # another such village by the same town
GOV = Place("G", 35.8, 36.6, "governorate")
DISTRICT = Place("D", 35.85, 36.7, "district")
VILLAGE = Place("V", 35.86, 36.72, "locality")


t = telling   # (n, type, sentence, places, agents, targets, …) → a Telling


def test_one_gazetteer_entry_at_one_point_is_one_place(rules):
    assert one_place(TOWN, BASE, rules) and not one_place(TOWN, BASE, None)
    assert not one_place(COUNTRY, EAST, rules)          # a part told by its direction is not the whole
    a, b = t(0, "SHELLING", 1, [TOWN], ["res"]), t(1, "SHELLING", 2, [BASE], ["res"])
    assert features(a, b, rules).place == "same"
    o, f, why = best(b, [a], rules)
    assert o is a and "same place" in why


def test_a_place_at_its_containers_point_lies_inside_it(rules):
    assert at_container(MARIB, JUFAINA, rules) and not at_container(JUFAINA, MARIB, rules)
    assert not at_container(JUFAINA, OTHER, rules) and not at_container(OTHER, JUFAINA, rules)
    lead, body = t(0, "ARMED_CLASH", 1, [MARIB], ["res"]), t(1, "ARMED_CLASH", 5, [JUFAINA], ["res"])
    assert place_relation(lead, body, rules.contains_km, rules) == ("contains", 1)
    o, f, why = best(body, [lead], rules)
    assert o is lead and "lies inside" in why
    # two villages set at one town stay two
    assert features(t(0, "ARMED_CLASH", 4, [OTHER], ["res"]), body, rules).place == "differ"


def test_one_sentence_names_a_place_and_a_place_at_its_point_as_two(rules):
    a, b = t(0, "AIRSTRIKE", 3, [MARIB], ["air"]), t(1, "AIRSTRIKE", 3, [JUFAINA], ["air"])
    assert features(a, b, rules).place == "differ"
    a, b = t(0, "AIRSTRIKE", 3, [TOWN], ["air"]), t(1, "AIRSTRIKE", 3, [BASE], ["air"])
    assert features(a, b, rules).place == "differ"


def test_a_riots_sides_may_be_told_in_either_order(rules):
    lead = t(0, "RIOT", 1, [TOWN], agents=["police"], targets=["crowd"])
    body = t(1, "RIOT", 2, [TOWN], agents=["settlers"], targets=["police"])
    f = features(lead, body, rules)
    assert not f.agent_conflict and decide(f, rules, False)[0]
    # a clash's sides are not read so (a war's two sides fight many clashes of their own)
    clash = features(t(0, "ARMED_CLASH", 1, [TOWN], ["police"], ["crowd"]),
                     t(1, "ARMED_CLASH", 2, [TOWN], ["settlers"], ["police"]), rules)
    assert clash.agent_conflict
    # without a shared place the swap is no sign
    apart = features(t(0, "RIOT", 1, [], ["police"], ["crowd"]), t(1, "RIOT", 2, [], ["settlers"], ["police"]), rules)
    assert apart.agent_conflict


def test_a_lead_bound_to_one_body_act_takes_no_second(rules):
    lead = t(0, "SHELLING", 1, [GOV], ["res"])
    first = t(1, "SHELLING", 5, [DISTRICT], ["res"])
    o, f, why = best(first, [lead], rules)
    assert o is lead and f.coarse_in_lead
    absorb(lead, first, f)
    assert lead.bound and lead.places == (DISTRICT,)
    second = t(2, "SHELLING", 7, [VILLAGE], ["res"])
    f2 = features(lead, second, rules)
    assert f2.place == "contains" and not f2.coarse_in_lead
    assert best(second, [lead], rules) is None


def test_a_lead_at_a_coarse_place_joins_a_finer_body_telling_whose_parties_do_not_differ(rules):
    # round 36: the body places the lead's act more finely and names no party, or other roles of it
    lead = t(0, "BOMBING", 1, [GOV])
    body = t(1, "BOMBING", 4, [VILLAGE])
    o, f, why = best(body, [lead], rules)
    assert o is lead and f.partyless and "one telling names none" in why
    lead = t(0, "ATTACK_ON_CIVILIANS", 1, [GOV], targets=["civilians"])
    body = t(1, "ATTACK_ON_CIVILIANS", 4, [VILLAGE], agents=["settlers"])
    o, f, why = best(body, [lead], rules)
    assert o is lead and not f.shared and "each names other roles" in why


def test_a_lead_at_a_coarse_place_stays_apart_from_a_body_telling_with_other_targets(rules):
    lead = t(0, "AIRSTRIKE", 1, [GOV], targets=["a"])
    body = t(1, "AIRSTRIKE", 4, [VILLAGE], targets=["b"])
    f = features(lead, body, rules)
    assert f.target_conflict and best(body, [lead], rules) is None
    # … and a coarse place told in the body (no headline or lead) is no lead retold
    f = features(t(0, "AIRSTRIKE", 5, [GOV]), t(1, "AIRSTRIKE", 7, [VILLAGE]), rules)
    assert f.place == "contains" and not f.coarse_in_lead
    assert best(t(1, "AIRSTRIKE", 7, [VILLAGE]), [t(0, "AIRSTRIKE", 5, [GOV])], rules) is None
