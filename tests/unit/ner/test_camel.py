"""rasd.ner.camel's mapping of rasd's entities onto ANERcorp's classes (no data needed)."""
from __future__ import annotations

from rasd.ner.camel import _join, entity_class, is_name, score_pipeline

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
