"""Features and ranking of event coreference on hand-built tellings (no Doc, no data)."""
from __future__ import annotations

import dataclasses

from hand_docs import telling

from rasd.stages.eventcoref.features import (Place, Telling, apart_in_time, contains, features, narrower,
                                             place_relation, span_of)
from rasd.stages.eventcoref.rank import best, decide, refusal

IDLIB_GOV = Place("G", 35.8, 36.6, "governorate")
SARAQIB = Place("S", 35.86, 36.8, "locality")
ARIHA = Place("A", 35.81, 36.61, "locality")
DEIR_TOWN = Place("H", 35.33, 40.14, "locality")


t = telling   # (n, type, sentence, places, agents, targets, …) → a Telling


def test_place_relation(rules):
    sizes = rules.contains_km
    assert contains(IDLIB_GOV, SARAQIB, sizes) and not contains(SARAQIB, IDLIB_GOV, sizes)
    assert not contains(IDLIB_GOV, DEIR_TOWN, sizes)         # 320 km away: outside
    assert place_relation(t(0, "X", 0, [SARAQIB]), t(1, "X", 1, [ARIHA]), sizes) == ("differ", None)
    assert place_relation(t(0, "X", 0, [IDLIB_GOV]), t(1, "X", 1, [SARAQIB]), sizes) == ("contains", 1)
    assert place_relation(t(0, "X", 0), t(1, "X", 1, [SARAQIB]), sizes)[0] == "open"


def test_different_places_stay_different_events(rules):
    assert best(t(1, "SHELLING", 3, [ARIHA], ["saa"]), [t(0, "SHELLING", 2, [SARAQIB], ["saa"])], rules) is None


def test_a_toll_sentence_joins_the_strike_it_counts(rules):
    strike = t(0, "AIRSTRIKE", 4, [SARAQIB], ["saa"], ["civ"], words=("غارات",))
    toll = t(1, "CASUALTIES", 5, [], ["civ"], toll=True)
    o, f, why = best(toll, [strike], rules)
    assert o is strike and f.host_first and "toll" in why
    far = t(1, "CASUALTIES", 12, [], ["civ"], toll=True)
    assert best(far, [strike], rules) is None


def test_a_generic_attack_word_names_the_strike(rules):
    strike = t(0, "SHELLING", 2, [SARAQIB], ["iri"], ["us"], words=("استهدفت",))
    generic = t(1, "ARMED_CLASH", 2, [SARAQIB], ["iri"], words=("هجوما",))
    o, f, why = best(generic, [strike], rules)
    assert o is strike and "generic attack word" in why
    # an ARMED_CLASH told with its own word (اشتباكات) is another event
    clash = t(1, "ARMED_CLASH", 2, [SARAQIB], ["iri"], words=("اشتباكات",))
    assert best(clash, [strike], rules) is None


def test_explosions_heard_are_the_strike_even_when_told_first(rules):
    boom = t(0, "BOMBING", 0, [SARAQIB], words=("انفجارات",))
    strike = t(1, "SHELLING", 1, [SARAQIB], ["iri"], words=("صواريخ",))
    o, f, why = best(strike, [boom], rules)
    assert o is boom and not f.host_first     # the strike's type is kept


def test_headline_without_place_joins_the_body_that_names_all_its_parties(rules):
    head = t(0, "AIRSTRIKE", 0, [], ["isr"], ["saa"])
    body = t(1, "AIRSTRIKE", 6, [SARAQIB], ["isr"], ["saa"])
    assert best(body, [head], rules)[0] is head
    # a body event naming fewer parties than the headline is another event
    assert best(t(1, "AIRSTRIKE", 6, [SARAQIB], ["isr"]), [head], rules) is None
    # far in the body, without the headline, a placeless telling is not joined
    assert best(t(2, "AIRSTRIKE", 9, [], ["isr"], ["saa"]), [t(1, "AIRSTRIKE", 6, [SARAQIB], ["isr"], ["saa"])],
                rules) is None


def test_a_coarse_headline_joins_a_body_event_inside_its_place(rules):
    head = t(0, "AIRSTRIKE", 0, [IDLIB_GOV], ["saa"])
    body = t(1, "AIRSTRIKE", 5, [SARAQIB], ["saa"])
    o, f, why = best(body, [head], rules)
    assert o is head and f.place == "contains" and f.finer == 1
    # not when the coarse telling is deep in the body (a separate campaign summary)
    assert best(t(3, "AIRSTRIKE", 9, [SARAQIB], ["saa"]), [t(2, "AIRSTRIKE", 8, [IDLIB_GOV], ["saa"])], rules) is None


def test_dates_and_denials_keep_events_apart(rules):
    a = t(0, "SHELLING", 1, [SARAQIB], ["saa"], date="2015-07-20")
    assert best(t(1, "SHELLING", 2, [SARAQIB], ["saa"], date="2015-07-21"), [a], rules) is None
    assert best(t(1, "SHELLING", 2, [SARAQIB], ["saa"], modality="negated"), [a], rules) is None
    assert best(t(1, "SHELLING", 2, [SARAQIB], ["saa"], date="2015-07-20"), [a], rules)[0] is a


def test_meetings_are_left_to_the_events_stage(rules):
    a = t(0, "MEETING", 1, [], ["x", "y"])
    assert features(a, t(1, "MEETING", 2, [], ["x", "y"]), rules).link is None


def test_rank_prefers_the_same_place_over_a_nearer_open_one(rules):
    placed = t(0, "SHELLING", 1, [SARAQIB], ["saa"])
    open_ = t(1, "SHELLING", 2, [], ["saa"])
    got = best(t(2, "SHELLING", 3, [SARAQIB], ["saa"]), [placed, open_], rules)
    assert got[0] is placed


def test_an_anaphor_refers_back_to_the_nearest_event_of_its_type(rules):
    strike = t(0, "AIRSTRIKE", 3, [SARAQIB], ["tr"])
    other = t(1, "SHELLING", 4, [ARIHA], ["saa"])
    back = t(2, "AIRSTRIKE", 5, [ARIHA], ["x"])
    back.anaphor = "هذه الغارات"
    o, f, why = best(back, [strike, other], rules)
    assert o is strike and f.place == "union" and "refers back" in why
    # without the demonstrative the different place keeps them apart
    assert best(t(2, "AIRSTRIKE", 5, [ARIHA], ["x"]), [strike, other], rules) is None
    far = t(2, "AIRSTRIKE", 9, [ARIHA], ["x"])
    far.anaphor = "هذه الغارات"
    assert best(far, [strike, other], rules) is None


def test_gap_counts_from_every_sentence_an_event_is_told_in(rules):
    # the strike told in the headline (0) and the lead (1); its toll in sentence 2
    strike = Telling(0, "AIRSTRIKE", ("غارات",), 0, (SARAQIB,), frozenset({"isr"}), told_in=frozenset({0, 1}))
    toll = t(1, "CASUALTIES", 2, toll=True)
    o, f, _ = best(toll, [strike], rules)
    assert o is strike and f.gap == 1


def test_a_telling_naming_no_party_joins_a_near_one_of_its_type_and_place(rules):
    heard = t(0, "SHELLING", 1, [DEIR_TOWN], words=("انفجارات",))
    claimed = t(1, "SHELLING", 2, [DEIR_TOWN], ["iri"], ["us"], words=("استهداف",))
    o, f, why = best(claimed, [heard], rules)
    assert o is heard and f.partyless and "names no party" in why
    # both name parties, none in common: two acts at one place stay two
    other = t(0, "SHELLING", 1, [DEIR_TOWN], ["isis"], ["civ"], words=("قصف",))
    assert best(claimed, [other], rules) is None
    # far apart in the report: not joined on place alone
    assert best(t(1, "SHELLING", 30, [DEIR_TOWN], ["iri"]), [heard], rules) is None


def test_a_body_telling_far_down_joins_the_headline_at_its_place_with_a_party_in_common(rules):
    """عدوان أميركي استهدف رأس عيسى (headline) … twelve sentences down, استهدف العدوان رأس عيسى."""
    head = t(0, "AIRSTRIKE", 1, [SARAQIB], ["us"], words=("غارات",))
    body = t(1, "ARMED_CLASH", 13, [SARAQIB], ["us"], words=("استهدف",))
    o, f, why = best(body, [head], rules)
    assert o is head and f.gap > f.max_sentences and "generic attack word" in why
    # not from the body's middle, not without a party in common, not at another place
    assert best(body, [t(0, "AIRSTRIKE", 5, [SARAQIB], ["us"], words=("غارات",))], rules) is None
    assert best(t(1, "ARMED_CLASH", 13, [SARAQIB], ["iri"], words=("استهدف",)), [head], rules) is None
    assert best(t(1, "ARMED_CLASH", 13, [ARIHA], ["us"], words=("استهدف",)), [head], rules) is None


def test_a_running_total_joins_neither_a_strike_nor_a_toll_of_one_act(rules):
    """trig8: a war's running total (ما يرفع عدد الشهداء إلى …) is a CASUALTIES report of its own."""
    strike = t(0, "AIRSTRIKE", 4, [SARAQIB], ["saa"], ["civ"], words=("غارات",))
    one_toll = t(1, "CASUALTIES", 5, [SARAQIB], ["saa"], ["civ"])
    total = Telling(2, "CASUALTIES", (), 5, (SARAQIB,), frozenset({"saa"}), frozenset({"civ"}), frozenset(),
                    running_total=True)
    assert best(total, [strike], rules) is None
    assert best(total, [one_toll], rules) is None
    # control: the same telling, not a running total, joins the toll told in its sentence
    again = Telling(2, "CASUALTIES", (), 5, (SARAQIB,), frozenset({"saa"}), frozenset({"civ"}), frozenset())
    assert best(again, [one_toll], rules) is not None


def test_a_party_and_its_whole_are_one_side(rules):
    # "الجيش الإسرائيلي" (actor:idf, part of actor:israel) and "إسرائيل" name one side: no agent conflict
    parties = {"E1": ("actor:idf", frozenset({"actor:israel"})), "E2": ("actor:israel", frozenset())}
    lead = t(0, "AIRSTRIKE", 1, [SARAQIB], ["E1"])
    lead.parties = {"E1": parties["E1"]}
    body = t(1, "AIRSTRIKE", 3, [SARAQIB], ["E2"])
    body.parties = {"E2": parties["E2"]}
    o, f, why = best(body, [lead], rules)
    assert o is lead and not f.agent_conflict and f.shared == 1
    # without the part_of chain the two names conflict and the tellings stay apart
    lead.parties, body.parties = {}, {}
    assert best(body, [lead], rules) is None


def test_two_parts_of_one_whole_are_two_sides(rules):
    # the army and the police of one state (both part of it) are two parties
    army = t(0, "ARMED_CLASH", 1, [SARAQIB], ["E1"])
    army.parties = {"E1": ("actor:army", frozenset({"actor:state"}))}
    police = t(1, "ARMED_CLASH", 3, [SARAQIB], ["E2"])
    police.parties = {"E2": ("actor:police", frozenset({"actor:state"}))}
    assert best(police, [army], rules) is None


def test_a_party_and_its_whole_count_only_where_the_tellings_share_a_place(rules):
    # without a shared place below a country (here: none on one side), "the Israeli army" against
    # "Israel" is too weak a sign of one act: the agents conflict as different names
    lead = t(0, "AIRSTRIKE", 1, [SARAQIB], ["E1"])
    lead.parties = {"E1": ("actor:idf", frozenset({"actor:israel"}))}
    body = t(1, "AIRSTRIKE", 2, [], ["E2"])
    body.parties = {"E2": ("actor:israel", frozenset())}
    f = features(lead, body, rules)
    assert f.place == "open" and f.agent_conflict and f.shared == 0


DAMASCUS = Place("D", 33.51, 36.29, "locality")


def back(n, type_, sentence, places=(), agents=(), word="الهجوم", date=None, modality="asserted", generic=True):
    x = t(n, type_, sentence, places, agents, date=date, modality=modality)
    x.back_ref, x.back_generic = word, generic
    return x


def test_a_definite_event_noun_names_the_earlier_act_again(rules):
    bomb = t(0, "BOMBING", 3, [SARAQIB], ["isis"])
    got = best(back(1, "ARMED_CLASH", 5, []), [bomb], rules)
    assert got is not None and got[0] is bomb and got[1].host_first     # the earlier act keeps its type
    assert "'الهجوم'" in got[2] and "BOMBING told 2 sentence(s) before" in got[2]
    # the nearest of two earlier acts
    near = t(1, "SHELLING", 4, [ARIHA], ["saa"])
    assert best(back(2, "ARMED_CLASH", 5, []), [bomb, near], rules)[0] is near


def test_a_definite_event_noun_stays_apart_when_something_tells_the_acts_apart(rules):
    bomb = t(0, "BOMBING", 3, [SARAQIB], ["isis"])
    assert best(back(1, "BOMBING", 5, [DEIR_TOWN]), [bomb], rules) is None          # another place
    assert best(back(1, "BOMBING", 3 + rules.back_sentences + 1, []), [bomb], rules) is None   # too far
    dated = t(0, "BOMBING", 3, [SARAQIB], ["isis"], date="2015-07-20")
    assert best(back(1, "BOMBING", 4, [], date="2015-07-21"), [dated], rules) is None
    assert best(back(1, "BOMBING", 4, [], modality="negated"), [bomb], rules) is None
    assert best(back(1, "BOMBING", 4, [ARIHA], ["saa"]), [t(0, "BOMBING", 3, [], ["isis"])], rules) is None
    # a non-violent act is no referent of a violent noun
    assert best(back(1, "BOMBING", 4, []), [t(0, "PROTEST", 3, [SARAQIB])], rules) is None
    # without the article the noun opens a new act
    assert best(t(1, "BOMBING", 5, []), [bomb], rules) is None
    # a noun that names a kind of act (القصف) names only an act of its kind again, and no toll names it
    clash = t(0, "ARMED_CLASH", 3, [SARAQIB], ["isis"])
    assert best(back(1, "SHELLING", 4, [], word="القصف", generic=False), [clash], rules) is None
    shelled = t(0, "SHELLING", 3, [SARAQIB], ["saa"])
    assert best(back(1, "SHELLING", 4, [], word="القصف", generic=False), [shelled], rules)[0] is shelled
    total = t(0, "CASUALTIES", 3, [SARAQIB])
    assert best(back(1, "AIRSTRIKE", 4, [], word="الغارات"), [total], rules) is None


def test_an_air_raid_retold_by_its_munitions_is_the_raid(rules):
    raid = t(0, "AIRSTRIKE", 2, [DAMASCUS], ["isr"], words=("غاره",))
    rockets = t(1, "SHELLING", 4, [DAMASCUS], ["isr"], words=("صواريخ",))
    o, f, why = best(rockets, [raid], rules)
    assert o is raid and f.host_first and "munitions" in why
    # in the raid's own sentence its missiles are the raid too (عدوان … بغارات جوية، 4 صواريخ استهدفت المطار) …
    same = t(1, "SHELLING", 2, [DAMASCUS], ["isr"], words=("صواريخ",))
    same.sentence_keys = raid.sentence_keys = frozenset({"عدوان", "بغارات", "صواريخ"})
    o, f, why = best(same, [raid], rules)
    assert o is raid and "munitions" in why
    # … unless the sentence names drones: an attack by drones and missiles is both kinds of fire
    same.sentence_keys = raid.sentence_keys = frozenset({"هجوما", "بسرب", "المسيرات", "وصواريخ"})
    assert best(same, [raid], rules) is None
    assert "one sentence" in decide(features(raid, same, rules), rules, False)[1]
    # a rule asking two sentences at least: the refusal says how far apart and how far it asks
    f = dataclasses.replace(features(raid, rockets, rules), min_sentences=3)
    ok, why = decide(f, rules, False)
    assert not ok and why.startswith("2 sentence(s) apart (at least 3 for an air raid retold"), why
    # shelling told by artillery is another act
    assert best(t(1, "SHELLING", 4, [DAMASCUS], ["isr"], words=("مدفعي",)), [raid], rules) is None


def test_every_refusal_says_why(rules):
    a = t(0, "SHELLING", 2, [SARAQIB], ["saa"])
    cases = {
        "different places": t(1, "SHELLING", 3, [ARIHA], ["saa"]),
        "different dates": t(1, "SHELLING", 3, [SARAQIB], ["saa"], date="2015-07-21"),
        "agents differ": t(1, "SHELLING", 6, [SARAQIB], ["isr"]),
        "types never one event": t(1, "PROTEST", 3, [SARAQIB]),
    }
    a = t(0, "SHELLING", 2, [SARAQIB], ["saa"], date="2015-07-20")
    for want, b in cases.items():
        ok, why = decide(features(a, b, rules), rules, False)
        assert not ok and why.startswith(want), (want, why)
    o, why = refusal(cases["different places"], [a], rules)
    assert o is a and why == "different places"
    assert refusal(cases["types never one event"], [a], rules) == (None, "no earlier telling of a type that may "
                                                                          "be one event with it")


def test_a_toll_that_names_no_act_stays_a_report_of_its_own(rules):
    strike = t(0, "SHELLING", 4, [SARAQIB], ["hzb"], ["idf"], words=("صواريخ",))
    # a party's notice of its own dead next to the act, naming no cause: not the act's toll
    notice = dataclasses.replace(t(1, "CASUALTIES", 5, [], ["hzb"], toll=True), toll_cause=False, toll_notice=True)
    assert best(notice, [strike], rules) is None
    assert "notice" in refusal(notice, [strike], rules)[1]
    # the same notice naming its cause (شهيداً في العدوان على البلدة) counts the act's dead
    named = dataclasses.replace(notice, toll_cause=True)
    assert best(named, [strike], rules)[0] is strike
    # a toll with no cause two sentences from the act is a report of its own; next to it, the act's toll
    far = dataclasses.replace(t(1, "CASUALTIES", 6, [], ["hzb"], toll=True), toll_cause=False)
    assert best(far, [strike], rules) is None and "names no act" in refusal(far, [strike], rules)[1]
    near = dataclasses.replace(far, sentence=5, told_in=frozenset({5}))
    assert best(near, [strike], rules)[0] is strike
    # a toll counted over a period is a running count even when it names the war as its cause
    period = dataclasses.replace(t(1, "CASUALTIES", 5, [SARAQIB], ["hzb"], toll=True), toll_period=True)
    assert best(period, [strike], rules) is None and "period" in refusal(period, [strike], rules)[1]


def test_a_definite_meeting_noun_names_the_meeting_told_before(rules):
    met = t(0, "MEETING", 2, [DAMASCUS])
    again = back(1, "MEETING", 4, [], word="اللقاء", generic=False)
    got = best(again, [met], rules)
    assert got is not None and got[0] is met and "MEETING told 2 sentence(s) before" in got[2]
    # not a meeting of another place, nor an agreement
    assert best(back(1, "MEETING", 4, [ARIHA], word="اللقاء", generic=False), [met], rules) is None
    assert best(back(1, "AGREEMENT", 4, [], word="الاتفاق", generic=False), [met], rules) is None
    # the meeting to come (الاجتماع المرتقب) is not the meeting held, nor the reverse; it names a planned one
    coming = back(1, "MEETING", 4, [], word="الاجتماع", generic=False, modality="planned")
    assert best(coming, [met], rules) is None
    planned = t(0, "MEETING", 2, [DAMASCUS], modality="planned")
    assert best(coming, [planned], rules)[0] is planned
    assert best(back(1, "BOMBING", 4, [], modality="planned"), [t(0, "BOMBING", 3, [SARAQIB])], rules) is None
def test_common_without_parties_counts_the_entities_in_common_as_the_pairwise_test_does():
    from rasd.stages.eventcoref.features import common, one_side

    for xs, ys in ((frozenset({"a", "b", "c"}), frozenset({"b", "c", "d"})), (frozenset(), frozenset({"a"})),
                   (frozenset({"a"}), frozenset({"b"})), (frozenset({"a", "b"}), frozenset({"a", "b"}))):
        assert common(xs, ys, {}) == sum(any(one_side(x, y, {}) for y in ys) for x in xs) == len(xs & ys)
    # with parties, a part and its whole still count as one side
    parties = {"army": ("isr", frozenset()), "isr": ("isr", frozenset())}
    assert common(frozenset({"army"}), frozenset({"isr"}), parties) == 1 != common(frozenset({"army"}), frozenset({"isr"}), {})


ADEN = Place("C", 12.79, 45.02, "city")
CRATER = Place("Q", 12.78, 45.03, "neighbourhood")
DAR_SAAD = Place("D", 12.87, 44.99, "neighbourhood")
FAR_QUARTER = Place("F", 13.58, 44.02, "neighbourhood")     # a quarter of another city, 140 km off


def test_a_city_and_its_quarter_in_one_sentence_are_one_act_at_city_level(rules):
    city = t(0, "ARMED_CLASH", 6, [ADEN], ["pr"])
    quarter = t(1, "ARMED_CLASH", 6, [CRATER], ["pr"])
    assert place_relation(city, quarter, rules.contains_km, rules) == ("quarters", None)
    o, f, why = best(quarter, [city], rules)
    assert o is city and "a city and a quarter of it" in why and f.place == "quarters"
    # told in another sentence, a quarter may be struck on its own: refused, with its reason
    later = t(1, "ARMED_CLASH", 8, [CRATER], ["pr"])
    assert best(later, [city], rules) is None
    ok, why = decide(features(city, later, rules), rules, False)
    assert not ok and "separate sentences" in why
    # two quarters without their city stay two events (dev codes one per quarter), a far quarter is no part
    assert best(t(1, "ARMED_CLASH", 6, [DAR_SAAD], ["pr"]), [quarter], rules) is None
    assert best(t(1, "ARMED_CLASH", 6, [FAR_QUARTER], ["pr"]), [city], rules) is None
    # other types, or other agents, are not joined
    assert best(t(1, "AIRSTRIKE", 6, [CRATER], ["pr"]), [city], rules) is None
    assert best(t(1, "ARMED_CLASH", 6, [CRATER], ["other"]), [city], rules) is None


def test_a_quarter_told_before_its_city_leaves_the_city_first(rules):
    """One act at city level: the merged event's first place (the one the ACLED export codes) is the
    city, also when the sentence names the quarter first (events and tellings alike)."""
    from rasd.doc import Event
    from rasd.stages.eventcoref import absorb, city_ids, merge

    quarter = t(0, "ARMED_CLASH", 6, [CRATER], ["pr"])
    city = t(1, "ARMED_CLASH", 6, [ADEN], ["pr"])
    o, f, why = best(city, [quarter], rules)
    assert o is quarter and f.place == "quarters"
    cities = city_ids(o, city, f, rules)
    assert cities == {"C"}
    first = Event("V1", "ARMED_CLASH", (0, 5), places=["Q"], evidence=[(0, 40)])
    later = Event("V2", "ARMED_CLASH", (20, 25), places=["C"], evidence=[(0, 40)])
    merge(first, later, f, why, host_first=f.host_first, cities=cities)
    assert first.places == ["C", "Q"]
    absorb(o, city, f, cities)
    assert [p.id for p in o.places] == ["C", "Q"]
    # the city told first keeps its order; a pair that is no city and quarter puts nothing first
    assert city_ids(quarter, city, dataclasses.replace(f, place="same"), rules) == frozenset()


def test_a_date_covers_its_day_week_month_or_year():
    assert span_of({"value": "2024-03-09", "precision": "day"}) == ("2024-03-09", "2024-03-09")
    assert span_of({"value": "2024-02", "precision": "month"}) == ("2024-02-01", "2024-02-29")
    assert span_of({"value": "2023-12", "precision": "month"}) == ("2023-12-01", "2023-12-31")
    assert span_of({"value": "2024-03-03", "end": None, "precision": "week"}) == ("2024-03-03", "2024-03-09")
    assert span_of({"value": "2023", "precision": "year"}) == ("2023-01-01", "2023-12-31")
    assert span_of(None) is None and span_of({"value": None, "precision": "day"}) is None
    feb, day = ("2024-02-01", "2024-02-29"), ("2024-03-09", "2024-03-09")
    assert apart_in_time(feb, day) and not apart_in_time(feb, ("2024-02-10", "2024-02-10"))
    assert not apart_in_time(None, day)
    assert narrower(feb, ("2024-02-10", "2024-02-10")) == ("2024-02-10", "2024-02-10") and narrower(None, feb) == feb


def test_acts_whose_dates_share_no_day_stay_two_events(rules):
    # a strike on the town yesterday, and a strike on it "last month" told in the body: two acts
    lead = dataclasses.replace(t(0, "AIRSTRIKE", 0, [SARAQIB], ["isr"]), span=("2024-03-09", "2024-03-09"))
    past = dataclasses.replace(t(1, "AIRSTRIKE", 4, [SARAQIB], ["isr"]), span=("2024-02-01", "2024-02-29"))
    ok, why = decide(features(lead, past, rules), rules, False)
    assert not ok and why.startswith("different dates"), why
    assert best(past, [lead], rules) is None
    # a month holds its days: the same strike told "in March" joins
    march = dataclasses.replace(past, span=("2024-03-01", "2024-03-31"))
    assert best(march, [lead], rules) is not None
    # an undated telling is no other time
    assert best(dataclasses.replace(past, span=None), [lead], rules) is not None
    # a deal is told by the dates of its phases: not refused for them
    deal = dataclasses.replace(t(0, "AGREEMENT", 0, [SARAQIB], ["isr"]), span=("2015-01-01", "2015-12-31"))
    later = dataclasses.replace(t(1, "AGREEMENT", 3, [SARAQIB], ["isr"]), span=("2018-01-01", "2018-12-31"))
    assert not features(deal, later, rules).date_conflict


def test_a_date_that_opens_a_period_is_not_the_acts_time(rules):
    from rasd.stages.eventcoref import act_span
    # "the deadliest attack since 2007": the year starts the period it is measured against
    assert act_span({"value": "2007", "precision": "year", "text": "منذ عام 2007"}, rules) is None
    assert act_span({"value": "2007", "precision": "year", "text": "عام 2007"}, rules) == ("2007-01-01", "2007-12-31")


def test_one_sentence_one_day_a_coarse_place_and_one_inside_it_are_one_act(rules):
    # "غارات على محافظة إدلب اليوم استهدفت مدينة سراقب": the sentence names where the act was twice
    day = ("2024-03-09", "2024-03-09")
    gov = dataclasses.replace(t(0, "AIRSTRIKE", 6, [IDLIB_GOV], ["rus"]), span=day)
    town = dataclasses.replace(t(1, "AIRSTRIKE", 6, [SARAQIB], ["rus"]), span=day)
    o, f, why = best(town, [gov], rules)
    assert o is gov and f.place == "contains" and f.finer == 1 and "same day" in why
    # one of them names no party: still one act
    assert best(dataclasses.replace(town, agents=frozenset()), [gov], rules) is not None
    # another sentence: a summary and a strike of its own may be two acts
    assert best(dataclasses.replace(town, sentence=7, told_in=frozenset()), [gov], rules) is None
    # undated, or dated to another day, or to a month only: nothing says it is the same act
    assert best(dataclasses.replace(town, span=None), [dataclasses.replace(gov, span=None)], rules) is None
    month = ("2024-03-01", "2024-03-31")
    assert best(dataclasses.replace(town, span=month), [dataclasses.replace(gov, span=month)], rules) is None
    # other doers: two acts
    assert best(dataclasses.replace(town, agents=frozenset({"tur"})), [gov], rules) is None
