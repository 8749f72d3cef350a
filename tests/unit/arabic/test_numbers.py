"""Numbers on hand-written sentences (rasd/arabic/numbers.py); death tolls are in
tests/unit/stages/events/test_fatalities.py."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.arabic.numbers import find_numbers
from rasd.kb.numbers import lexicon

LEX = lexicon()
ARABIC = st.text(alphabet=st.sampled_from(list("قتلمدنيوعشرينخمسةأحدآلافغارتنحو0123456789٣٥ ،.-/ـً")),
                 max_size=60)


@pytest.mark.parametrize("text,value,kind,span", [
    ("قتل 1,200 شخص", 1200, "exact", "1,200"),
    ("قتل 1.200 شخص", 1200, "exact", "1.200"),
    ("سقط ١٥ قتيلا", 15, "exact", "١٥"),
    ("قاتل خمسة وعشرين مقاتلا", 25, "exact", "خمسة وعشرين"),
    ("نزح ثلاثة آلاف وخمسمئة", 3500, "exact", "ثلاثة آلاف وخمسمئة"),
    ("قتل 50 ألفاً من المدنيين", 50000, "exact", "50 ألفاً"),   # tolls28: after digits the tanween singular, no dual
    ("قتل ألفا شخص", 2000, "exact", "ألفا"),
    ("قتل اثنا عشر جنديا", 12, "exact", "اثنا عشر"),   # tolls28: اثنا only before عشر
    ("مقتل اثنتي عشرة امرأة", 12, "exact", "اثنتي عشرة"),
    ("أصيب أحد عشر جنديا", 11, "exact", "أحد عشر"),
    ("وصل مئة وخمسة عشر", 115, "exact", "مئة وخمسة عشر"),
    ("وبثلاث مئة رجل", 300, "exact", "ثلاث مئة"),
    ("سقط قتيلان", 2, "exact", "قتيلان"),
    ("نفذ الطيران غارتين", 2, "exact", "غارتين"),
    ("نزح عشرات الآلاف", 10000, "vague", "عشرات الآلاف"),
    ("وصل بضعة أشخاص", 3, "vague", "بضعة"),
    ("وآلاف النازحين", 1000, "vague", "آلاف"),
    ("نحو 30 شخصا", 30, "about", "نحو 30"),
    ("بحوالي عشرين", 20, "about", "حوالي عشرين"),
    ("أكثر من 100", 100, "at_least", "أكثر من 100"),
    ("ما لا يقل عن عشرة", 10, "at_least", "ما لا يقل عن عشرة"),
    ("12 قتيلا على الأقل", 12, "at_least", "12 قتيلا على الأقل"),
    ("كلفت 2.5 مليون", 2500000, "exact", "2.5 مليون"),
    ("مقتل أحد عناصر الشرطة", 1, "exact", "أحد"),
])
def test_single_number(text, value, kind, span):
    nums = find_numbers(text, LEX)
    assert [(n.value, n.kind, text[n.start:n.end]) for n in nums] == [(value, kind, span)]
    assert nums[0].approx == (kind != "exact")


@pytest.mark.parametrize("text", [
    "يوم الاثنين", "في 7/8/2015", "مدنيين", "لم يصب أحد في الهجوم", "طائرة اف16", "مقاتلين",
    "قتل أثناء الاشتباكات", "استشهدوا اثناء أداء الواجب"])   # tolls28: أثناء folds to اثنا, no count alone
def test_no_number(text):
    assert find_numbers(text, LEX) == []


@settings(max_examples=300, deadline=None)
@given(ARABIC)
def test_numbers_never_raise_and_spans_inside(text):
    for n in find_numbers(text, LEX):
        assert 0 <= n.start < n.end <= len(text)
        assert n.value >= 0 and n.kind in ("exact", "at_least", "about", "vague")


@settings(deadline=None)
@given(st.text(max_size=80))
def test_numbers_any_text(text):
    for n in find_numbers(text, LEX):
        assert 0 <= n.start < n.end <= len(text) and not text[n.start].isspace()


# ---- the readers' gates (issue 11): only tokens that can start a quantity or a phrase are tried ----

GATED = [
    "قتل 1,200 شخص وأصيب خمسة وعشرون آخرون بينهم طفلان في قصف على البلدة.",
    "لقي نحو 30 شخصا حتفهم، وسقط قتيلان على الأقل، ونزح عشرات الآلاف من السكان.",
    "أسفرت الغارات عن مقتل ثلاثة مدنيين وجرح عشرة، ولم تسجل أي إصابات في صفوف الجنود.",
    "وبثلاث مئة رجل وبضعة أشخاص ومئة وخمسة عشر مقاتلا وأحد عشر جنديا.",
    "لا تتوفر معلومات عن عدد الضحايا حتى الآن، بحسب ١٥ مصدرا.",
]


def plain_spans(r, name: str) -> list[tuple[int, int]]:
    """Phrase spans of a list found by trying every token (the scan before the gate)."""
    exact, prefixed = LEX.first_words[name]
    out = []
    for i, rs in enumerate(r.readings):
        stems_i = [s for _, s in rs]
        cands = [p for s in stems_i if s in exact for p in exact[s]]
        cands += [p for pre, p in prefixed if any(s.startswith(pre) for s in stems_i)]
        j = next((j for pat in cands if (j := r._match(pat, i)) is not None), None)
        if j is not None:
            out.append((i, j))
    return out


@pytest.mark.parametrize("text", GATED)
def test_a_reader_tries_only_tokens_that_can_start_a_quantity_or_a_phrase(text):
    from rasd.arabic.clitics import readings
    from rasd.arabic.numbers import NumberReader

    r = NumberReader(text, LEX)
    assert r.readings == [tuple((t.key[:n], s) for n, s in readings(t.key)) for t in r.toks]
    starts = set(r._number_starts) | set(r.digits)
    for i in range(len(r.toks)):
        if i not in starts:   # no quantity and no qualified one starts at a token the gate skips
            assert r.number_at(i) is None and LEX.qualifiers.match_at(r.toks, i) is None
    assert r.numbers()
    for name in LEX.first_words:
        assert r.spans(name) == plain_spans(r, name)


def test_the_gated_sentences_hold_phrases_of_several_lists():
    from rasd.arabic.numbers import NumberReader

    found = {name for t in GATED for name in LEX.first_words if NumberReader(t, LEX).spans(name)}
    assert len(found) >= 4, found


def test_the_lexicons_word_cache_is_bounded_and_keeps_its_answers(monkeypatch):
    from rasd.arabic import numbers
    from rasd.arabic.numbers import NumberReader

    want = [NumberReader(t, LEX).numbers() for t in GATED]
    monkeypatch.setattr(numbers, "INFO_CACHE_SIZE", 4)
    LEX._infos.clear()
    assert [NumberReader(t, LEX).numbers() for t in GATED] == want
    assert 0 < len(LEX._infos) <= 4


def test_the_openers_phrase_candidates_are_kept_per_word_and_give_the_same_spans(monkeypatch):
    """phrase_starts (issue 11, round 33): each opener's phrases by list, cached per word on the lexicon,
    give every list's spans as the scan over every token does, from a cold or a tiny cache, whatever list
    is asked first."""
    from rasd.arabic import numbers
    from rasd.arabic.numbers import NumberReader

    names = list(LEX.first_words)
    for order in (names, names[::-1]):
        monkeypatch.setattr(numbers, "INFO_CACHE_SIZE", 3)
        LEX._opens.clear()
        for t in GATED:
            r = NumberReader(t, LEX)
            assert {n: r.spans(n) for n in order} == {n: plain_spans(r, n) for n in order}
        assert 0 < len(LEX._opens) <= 3
    with pytest.raises(KeyError):
        NumberReader(GATED[0], LEX).spans("no such list")


def test_a_sentence_without_digits_has_no_digit_atoms():
    from rasd.arabic.numbers import NumberReader

    assert NumberReader("قتل خمسة أشخاص في القصف", LEX).digits == {}
    assert list(NumberReader("قتل 5 أشخاص في القصف", LEX).digits) == [1]
