"""A sentence that repeats the headline word for word (a site's link line after the story: "the link to the
story: <title>") restates the headline as the headline does: it opens no event (round 14, false14)."""
from __future__ import annotations

from hand_docs import doc_of, entity

from rasd.kb.resources import Resources
from rasd.stages.events import Events

EVENTS = Events(Resources("/nonexistent-rasd-data"))
HEAD = "قصفت قوات النظام بلدة حاس بالمدفعية الثقيلة"   # a place the body does not name: no merge
# the story's last paragraph is one line with the link line glued to it (a line of under 160 characters
# that ends unpunctuated reads as a sub-heading: is_headline)
BODY = ("قصفت قوات النظام بلدة كفرنبل بالمدفعية صباح اليوم ما أدى إلى دمار كبير في المنازل والمحال التجارية "
        "وانقطاع التيار الكهربائي عن معظم أحياء البلدة بحسب ما أفاد ناشطون محليون في المنطقة.")


def _events(last: str):
    text = f"{HEAD}\n\n{BODY} {last}"
    doc = doc_of(text)
    a = text.index(BODY)
    b = a + len(BODY)
    doc.sentences = [(0, len(HEAD)), (a, b), (b + 1, len(text))]
    entity(doc, "E1", "ACTOR", "قوات النظام", category="state_force", kb_id="actor:saa")
    entity(doc, "E2", "PLACE", "كفرنبل")
    entity(doc, "E3", "PLACE", "حاس")
    doc = EVENTS(doc)
    return [next(n for n, (x, y) in enumerate(doc.sentences) if x <= e.trigger[0] < y) for e in doc.events]


def test_the_headline_repeated_after_a_lead_in_opens_no_event():
    assert _events(f"رابط الخبر بالصحيفة: {HEAD}") == [1]


def test_a_later_sentence_in_other_words_is_read():
    assert _events("وقصفت قوات النظام بلدة حاس بالمدفعية مساء اليوم") == [1, 2]


def test_a_short_headline_is_no_repeat_by_chance():
    from rasd.stages.events import clauses
    assert len("قصف حاس".split()) < clauses.MIN_REPEAT_WORDS
    text = f"قصف حاس\n\n{BODY} وقصفت قوات النظام بالمدفعية قصف حاس مساء اليوم"   # the title's words verbatim
    doc = doc_of(text)
    a = text.index(BODY)
    b = a + len(BODY)
    doc.sentences = [(0, a - 2), (a, b), (b + 1, len(text))]
    entity(doc, "E2", "PLACE", "كفرنبل")
    entity(doc, "E3", "PLACE", "حاس")
    doc = EVENTS(doc)
    assert 2 in [next(n for n, (x, y) in enumerate(doc.sentences) if x <= e.trigger[0] < y) for e in doc.events]


def test_a_lead_in_the_headline_s_words_is_read():
    # review14: the first sentence after the headline tells its story, often word for word
    text = f"{HEAD}\n\n{HEAD}."
    doc = doc_of(text)
    a = text.index(HEAD, 1)
    doc.sentences = [(0, len(HEAD)), (a, len(text))]
    entity(doc, "E1", "ACTOR", "قوات النظام", category="state_force", kb_id="actor:saa")
    entity(doc, "E3", "PLACE", "حاس")
    assert EVENTS(doc).events
