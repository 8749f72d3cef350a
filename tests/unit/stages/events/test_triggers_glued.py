"""A glued pair's second half carries its proclitics like any word (issue 8 item 3, recall10):
السوريةلعدوان is السورية + لعدوان, whose reading عدوان is a frequent word of the news and opens a
trigger; a tail frequent under no reading is still no split."""
from __future__ import annotations

from rasd.arabic.tokens import tokenize
from rasd.kb.resources import Resources
from rasd.stages.events.triggers import find_triggers, frequent, glued

RES = Resources("/nonexistent-rasd-data")
VOCAB = frozenset({"السوريه", "عدوان", "المقاومه", "صليات", "الاحتلال"})


def test_a_tail_with_a_preposition_is_frequent_through_its_reading():
    with RES.scope():
        assert frequent("لعدوان", VOCAB) and frequent("بصليات", VOCAB)
        assert not frequent("لعدوانه", VOCAB)


def test_a_trigger_glued_with_its_preposition_to_the_word_before_it_is_split():
    with RES.scope():
        n, cands = glued("السوريهلعدوان", RES.triggers, VOCAB)
        assert n == len("السوريه") and {d.type for _, d in cands} == {"AIRSTRIKE"}
        # after ة the tokenizer cuts the pair itself (rasd.arabic.tokens GLUED_END); after another letter
        # the events stage splits it
        n, cands = glued("الاحتلاللعدوان", RES.triggers, VOCAB)
        assert n == len("الاحتلال") and {d.type for _, d in cands} == {"AIRSTRIKE"}
        toks = tokenize("تصدت قوات الاحتلاللعدوان إسرائيلي.")
        found = find_triggers(toks, 0, len(toks), set(), RES.triggers, VOCAB)
        assert [(t.d.type, t.glue) for t in found if t.i == 2] == [("AIRSTRIKE", len("الاحتلال"))]


def test_control_no_split_when_the_tail_is_frequent_under_no_reading():
    with RES.scope():
        assert glued("السوريهلعدوان", RES.triggers, VOCAB - {"عدوان"}) == (0, ())
        assert glued("المقاومهلعدوانه", RES.triggers, VOCAB) == (0, ())
