"""A line that ends on a stop followed by a direction mark (".\u200f", a right-to-left mark some sites put at
the end of every paragraph) ends punctuated: it is body text, not a sub-heading, and its events are read
(round 26, miss26: fresh Al Mayadeen sheets lost whole paragraphs to is_headline)."""
from __future__ import annotations

from hand_docs import doc_of, entity

from rasd.kb.resources import Resources
from rasd.stages.events import Events

EVENTS = Events(Resources("/nonexistent-rasd-data"))
HEAD = "عنوان التقرير"
LINE = "قصفت قوات النظام بلدة كفرنبل بالمدفعية الثقيلة صباح اليوم."


def _sentences_with_events(mark: str) -> list[int]:
    text = f"{HEAD}\n\n{LINE}{mark}\n\nوأفاد ناشطون بأن القصف استمر ساعات."
    doc = doc_of(text)
    a = text.index(LINE)
    b = a + len(LINE)
    c = text.index("وأفاد")
    doc.sentences = [(0, len(HEAD)), (a, b), (c, len(text))]
    entity(doc, "E1", "ACTOR", "قوات النظام", category="state_force", kb_id="actor:saa")
    entity(doc, "E2", "PLACE", "كفرنبل")
    doc = EVENTS(doc)
    return [next(n for n, (x, y) in enumerate(doc.sentences) if x <= e.trigger[0] < y) for e in doc.events]


def test_a_stop_then_a_right_to_left_mark_ends_the_line():
    assert 1 in _sentences_with_events("\u200f")


def test_a_stop_then_a_left_to_right_mark_and_a_space_ends_the_line():
    assert 1 in _sentences_with_events("\u200e ")


def test_the_plain_stop_is_read_as_before():
    assert 1 in _sentences_with_events("")
