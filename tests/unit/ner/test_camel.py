"""rasd.ner.camel's mapping of rasd's entities onto ANERcorp's classes (no data needed)."""
from __future__ import annotations

from rasd.ner.camel import _join, description_words, edge_words, entity_class, is_name, score_pipeline

SENT = [("وقال", "O"), ("مراسل", "O"), ("رويترز", "B-ORG"), ("إن", "O"), ("الحزب", "O"), ("قصف", "O"),
        ("الفلبين", "B-LOC"), (".", "O")]


def fake_extract(entities):
    """An extract that returns ``entities`` as (type, kb_id, category, word, mention fields)."""
    text, offsets, _ = _join([SENT])
    words = [t for t, _ in SENT]

    def extract(_text: str) -> dict:
        out = []
        for typ, kb, cat, word, extra in entities:
            a, b = offsets[words.index(word)]
            out.append({"type": typ, "kb_id": kb, "category": cat,
                        "mentions": [{"start": a, "end": b, "text": word, **extra}]})
        return {"entities": out}
    return extract


def test_a_named_source_is_an_organisation_and_an_unnamed_one_no_name():
    assert entity_class({"type": "SOURCE", "kb_id": "source:reuters"}) == "ORG"
    assert entity_class({"type": "SOURCE", "kb_id": None}) is None
    assert entity_class({"type": "PLACE", "kb_id": None}) == "LOC"


def test_short_forms_descriptions_and_civilians_are_no_names():
    e = {"type": "ACTOR", "category": "state_force"}
    assert is_name(e, {}) and not is_name(e, {"short": True}) and not is_name(e, {"nominal": True})
    assert not is_name(e, {"anaphor": True}) and not is_name({**e, "category": "civilians"}, {})


def test_scores_count_names_only():
    extract = fake_extract([("SOURCE", "source:reuters", "news_agency", "رويترز", {}),
                            ("ACTOR", "actor:hezbollah", None, "الحزب", {"short": True}),
                            ("PLACE", "world:ph", None, "الفلبين", {})])
    got = score_pipeline({"s": [SENT]}, extract, lambda text: False)["s"]
    assert got["micro"]["p"] == 1.0 and got["micro"]["r"] == 1.0
    extract = fake_extract([("ACTOR", "actor:hezbollah", None, "الحزب", {})])   # a name: a false positive
    assert score_pipeline({"s": [SENT]}, extract, lambda text: False)["s"]["ORG"]["pred"] == 1


def test_a_capital_read_as_its_states_short_form_is_a_place_name():
    sent = [("وقالت", "O"), ("بكين", "B-LOC"), ("إن", "O"), (".", "O")]
    text, offsets, _ = _join([sent])

    def extract(_text):
        a, b = offsets[1]
        return {"entities": [{"type": "ACTOR", "kb_id": "actor:china", "category": "government",
                              "mentions": [{"start": a, "end": b, "text": "بكين", "short": True}]}]}
    got = score_pipeline({"s": [sent]}, extract, lambda text: text == "بكين")["s"]
    assert got["LOC"]["p"] == 1.0 and got["LOC"]["r"] == 1.0
    assert score_pipeline({"s": [sent]}, extract, lambda text: False)["s"]["micro"]["pred"] == 0


def test_a_place_counts_by_its_name_without_the_type_or_compass_words_before_it():
    sent = [("في", "O"), ("إقليم", "O"), ("كردستان", "B-LOC"), ("وشمال", "O"), ("غرب", "O"), ("الصين", "B-LOC"),
            (".", "O")]
    text, offsets, _ = _join([sent])

    def extract(_text):
        def place(a, b):
            return {"type": "PLACE", "kb_id": None, "mentions": [{"start": offsets[a][0], "end": offsets[b][1],
                                                                   "text": text[offsets[a][0]:offsets[b][1]]}]}
        return {"entities": [place(1, 2), place(3, 5)]}
    lead = frozenset({"اقليم", "شمال", "غرب"})
    got = score_pipeline({"s": [sent]}, extract, lambda text: False, lead)["s"]
    assert got["LOC"]["p"] == 1.0 and got["LOC"]["r"] == 1.0
    assert score_pipeline({"s": [sent]}, extract, lambda text: False)["s"]["LOC"]["p"] == 0.0


def test_an_adjective_naming_a_party_is_no_name():
    e = {"type": "ACTOR", "category": "state_force"}
    assert not is_name(e, {"party_of": "attack"})


def test_edge_words_are_counted_from_where_the_annotators_end_names():
    movement = [("قالت", "O"), ("حركة", "O"), ("حماس", "B-ORG"), ("إن", "O")]
    party = [("قال", "O"), ("حزب", "B-ORG"), ("الله", "I-ORG"), ("إن", "O")]
    mecca = [("في", "O"), ("مكة", "B-LOC"), ("المكرمة", "O"), (".", "O")]
    got = edge_words([movement] * 3 + [party] * 3 + [mecca] * 3)
    assert "حركه" in got["ORG"] and "حزب" not in got["ORG"]     # outside the name, or its first word
    assert "المكرمه" in got[">LOC"] and "." not in got[">LOC"]  # no mark: a word
    assert "حركه" not in edge_words([movement] * 2)["ORG"]       # seen too rarely


def test_a_mention_counts_without_the_edge_words_of_its_class():
    sent = [("قالت", "O"), ("حركة", "O"), ("حماس", "B-ORG"), ("في", "O"), ("مكة", "B-LOC"), ("المكرمة", "O"),
            (".", "O")]
    text, offsets, _ = _join([sent])

    def extract(_text):
        def ent(typ, a, b):
            return {"type": typ, "kb_id": "x", "mentions": [{"start": offsets[a][0], "end": offsets[b][1],
                                                             "text": text[offsets[a][0]:offsets[b][1]]}]}
        return {"entities": [ent("ACTOR", 1, 2), ent("PLACE", 4, 5)]}
    edges = {"ORG": frozenset({"حركه"}), ">LOC": frozenset({"المكرمه"})}
    got = score_pipeline({"s": [sent]}, extract, lambda text: False, edges=edges)["s"]
    assert got["micro"]["p"] == 1.0 and got["micro"]["r"] == 1.0
    assert score_pipeline({"s": [sent]}, extract, lambda text: False)["s"]["micro"]["p"] == 0.0


def test_an_actor_named_by_one_ordinary_word_is_a_description():
    sent = [("وقالت", "O"), ("والشرطة", "O"), ("إن", "O"), ("فورد", "B-ORG"), ("باعت", "O"), (".", "O")]
    text, offsets, _ = _join([sent])

    def extract(_text):
        def actor(k):
            a, b = offsets[k]
            return {"type": "ACTOR", "kb_id": "actor:x", "mentions": [{"start": a, "end": b, "text": text[a:b]}]}
        return {"entities": [actor(1), actor(3)]}
    common = frozenset({"الشرطه", "ورد"})     # folded ordinary words of the NER corpora
    got = score_pipeline({"s": [sent]}, extract, lambda text: False, common=common)["s"]
    assert got["ORG"]["p"] == 1.0 and got["ORG"]["r"] == 1.0   # فورد is no ف + ورد
    assert score_pipeline({"s": [sent]}, extract, lambda text: False)["s"]["ORG"]["p"] == 0.5


def test_a_group_of_words_is_counted_as_one_edge_word():
    nat = frozenset({"اللبناني", "المصري", "الاميركي"})
    sents = [[("قال", "O"), ("حزب", "B-ORG"), ("الله", "I-ORG"), (w, "O")] for w in ("اللبناني", "المصري", "الاميركي")]
    assert not edge_words(sents)[">ORG"] & nat            # each word alone is too rare
    assert edge_words(sents, (nat,))[">ORG"] >= nat       # as a group: the annotators end names before them
    inside = [[("قال", "O"), ("حزب", "B-ORG"), ("الله", "I-ORG"), (w, "I-ORG")] for w in ("اللبناني", "المصري")]
    assert not edge_words(sents + inside * 2, (nat,))[">ORG"] & nat   # inside the name as often: no edge


def test_description_words_are_those_the_annotators_leave_out_of_names():
    army = [("قال", "O"), ("الجيش", "O"), ("إن", "O")]
    council = [("قال", "O"), ("مجلس", "B-ORG"), ("الأمن", "I-ORG"), ("إن", "O")]
    nat = frozenset({"اللبناني"})
    got = description_words([army] * 3 + [council] * 3, (nat,))
    assert "الجيش" in got and "مجلس" not in got and "قال" in got   # inside a name: no description word
    assert "اللبناني" in got                                         # a nationality adjective is none
    assert "الجيش" not in description_words([army] * 2)             # seen too rarely


def test_an_actor_counts_by_the_name_after_its_description_words():
    sent = [("قالت", "O"), ("حكومة", "O"), ("كردستان", "B-LOC"), ("إن", "O"), ("الجيش", "O"), ("اللبناني", "O"),
            ("وحزب", "B-ORG"), ("الله", "I-ORG"), (".", "O")]
    text, offsets, _ = _join([sent])

    def extract(_text):
        def actor(a, b, **more):
            return {"type": "ACTOR", "kb_id": "actor:x", "category": "government",
                    "mentions": [{"start": offsets[a][0], "end": offsets[b][1],
                                  "text": text[offsets[a][0]:offsets[b][1]], **more}]}
        return {"entities": [actor(1, 2), actor(4, 5), actor(6, 7, short=True)]}
    desc = frozenset({"حكومه", "الجيش", "اللبناني"})
    got = score_pipeline({"s": [sent]}, extract, lambda text: text == "كردستان", desc=desc)["s"]
    # حكومة كردستان → the place كردستان; الجيش اللبناني is a description; a short form that is a name counts
    assert got["micro"]["p"] == 1.0 and got["micro"]["r"] == 1.0
    got = score_pipeline({"s": [sent]}, extract, lambda text: text == "كردستان")["s"]
    assert got["micro"]["p"] < 1.0 and got["micro"]["r"] < 1.0
