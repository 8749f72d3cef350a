"""The compiled date pattern: its look-ahead over the words a date opens on changes no match."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.kb.dates import _prefix_tree, knowledge

KN = knowledge()


def _without_look_ahead(pattern: str) -> str:
    """The date pattern as it was before the look-ahead: the group that opens on ``(?=`` removed."""
    i = pattern.index("(?=")
    depth = 0
    for j in range(i, len(pattern)):
        if pattern[j] == "(" and pattern[j - 1] != "\\":
            depth += 1
        elif pattern[j] == ")" and pattern[j - 1] != "\\":
            depth -= 1
            if depth == 0:
                return pattern[:i] + pattern[j + 1:]
    raise AssertionError("no look-ahead")


PLAIN = re.compile(_without_look_ahead(KN.regex.pattern))


def test_prefix_tree_matches_where_a_word_starts():
    tree = re.compile(_prefix_tree({"اب", "ابريل", "امس", "مارس", "مار"}))
    assert tree.pattern == "(?:ا(?:ب|مس)|مار)"
    for text, hit in (("ابريل", True), ("ابو", True), ("امسية", True), ("مارون", True), ("ام", False),
                      ("سمار", False), ("", False)):
        assert (tree.match(text) is not None) is hit, text


def test_dates_are_found_as_without_the_look_ahead():
    text = "وفي 12 مارس 2023 قصفت الطائرات القرية، وأمس الأحد قتل رجل قبل ثلاثة أيام من العيد"
    assert [m.span() for m in KN.regex.finditer(text)] == [m.span() for m in PLAIN.finditer(text)]
    assert KN.regex.search(text) is not None


_WORDS = sorted({w for d in (KN.months, KN.weekdays, KN.relative_days, KN.periods, KN.units, KN.ordinals)
                 for w in d})
_PIECES = st.sampled_from(_WORDS + ["و", "ف", "ب", "ل", "ال", "في", "يوم", "قصف", "منذ", "قبل", "عام",
                                    "2024", "3", "/", "-", " ", "  ", "\n", "،", "مدينة", "القرية"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=14).map("".join))
def test_any_text_has_the_same_matches(text):
    got = [(m.span(), m.groupdict()) for m in KN.regex.finditer(text)]
    assert got == [(m.span(), m.groupdict()) for m in PLAIN.finditer(text)]
