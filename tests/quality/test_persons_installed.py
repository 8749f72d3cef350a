"""Persons found by the whole extraction with the installed data (the given names mined from the
news, the real gazetteer); moved from tests/unit/stages/mentions/test_persons.py, whose units run on
hand-built finders."""
from __future__ import annotations


def _persons(text: str) -> list[tuple[str, str | None]]:
    from rasd import extract

    return [(m["text"], e["kb_id"]) for e in extract(text)["entities"] if e["type"] == "PERSON"
            for m in e["mentions"]]


def test_a_place_named_with_a_given_name_stays_a_place(installed):
    assert _persons("وصلت القافلة إلى غازي عنتاب أمس.") == []
    assert _persons("قال الدكتور غازي القصيبي إن الأمر انتهى.") == [("غازي القصيبي", None)]


def test_a_definite_word_after_a_title_is_the_office_not_a_name(installed):
    assert _persons("وقال مستشار الأمن القومي الأميركي إن المحادثات مستمرة.") == []


def test_a_foreign_given_name_the_news_taught_opens_a_name(installed):
    from rasd.arabic.normalize import fold_str
    from rasd.kb.names import given_names, news_names

    assert fold_str("فولوديمير") in news_names() - given_names()
    assert _persons("واستقبل فولوديمير كوزاك الوفد في المدينة.") == [("فولوديمير كوزاك", None)]
