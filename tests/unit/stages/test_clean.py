"""The clean stage: NFC, line ends, trailing site boilerplate removed, the report otherwise unchanged."""
from __future__ import annotations

import unicodedata

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from rasd.doc import Doc
from rasd.errors import InputError
from rasd.kb.resources import Resources
from rasd.stages.clean import MAX_CHARS, Clean
from rasd.stages.clean import is_boilerplate as _is_boilerplate

STORY = ("قصفَت طائرات حربية بلدةً صغيرة في ريف إدلب الجنوبي صباح اليوم، وفق ما أفاد به ناشطون محليون.\n\n"
         "وقال شاهد عيان إن القصف استهدف سوقاً شعبية وسط البلدة وأدى إلى أضرار واسعة في المحال التجارية.")


RES = Resources("/nonexistent-rasd-data")   # the clean stage reads only a knowledge file
CLEAN = Clean(RES)


def clean(text: str) -> Doc:
    return CLEAN(Doc(text))


def is_boilerplate(line: str) -> bool:
    return _is_boilerplate(line, RES.boilerplate)


def test_trailing_boilerplate_removed():
    tail = "\nاقرأ أيضاً: تقارير أخرى عن المنطقة\nتابعونا على تلغرام\nhttps://example.org/t\nجميع الحقوق محفوظة ©"
    assert clean(STORY + "\n" + tail).text == STORY


def test_story_text_otherwise_unchanged():
    doc = clean(STORY)
    assert doc.text == STORY and not doc.warnings


def test_boilerplate_phrase_inside_the_story_is_kept():
    middle = STORY.replace("\n\n", "\nشارك\n")
    assert clean(middle).text == middle


def test_long_line_starting_like_boilerplate_is_kept():
    line = "المصدر الذي تحدث إلى مراسلنا أكد أن الاشتباكات تجددت مساء أمس على أطراف المدينة الشرقية"
    assert not is_boilerplate(line)
    assert clean(STORY + "\n" + line).text.endswith(line)


def test_nfc_line_ends_and_blank_runs():
    decomposed = "ا\u0653"                 # alef + madda above, composes to آ
    assert unicodedata.normalize("NFC", decomposed) == "آ"
    doc = clean("  " + decomposed + "خر خبر  \r\n\r\n\r\n\rقصف مدفعي \n")
    assert doc.text == "آخر خبر\n\nقصف مدفعي"


def test_no_arabic_is_a_warning_not_an_error():
    doc = clean("An English note about nothing in particular.")
    assert doc.text and any("Arabic" in w for w in doc.warnings)


@pytest.mark.parametrize("raw", ["قصف\x00مدفعي", "ق" * (MAX_CHARS + 1)])
def test_unreadable_input_raises_input_error(raw):
    with pytest.raises(InputError) as e:
        clean(raw)
    assert e.value.hint


_LINE = st.lists(st.sampled_from(list("ابتجحدرسصطعفقلمنهوية") + ["َ", "ٌ", " ", "،", "."]), min_size=1, max_size=80)


@given(st.lists(_LINE.map("".join), min_size=1, max_size=4))
def test_plain_lines_survive(lines):
    lines = [ln.strip() for ln in lines]
    assume(all(lines) and not any(is_boilerplate(ln) for ln in lines))
    text = "\n".join(lines)
    assert clean(text).text == unicodedata.normalize("NFC", text)   # NFC may reorder stacked marks


# An outlet's tag block run on at the end of the story (boilerplate.yaml tag_heads, max_tag_words).
def test_trailing_tag_block_removed():
    assert clean(STORY + " سمات إدلب قصف أسواق").text == STORY
    assert clean(STORY + "\n\u200f سمات ريف إدلب").text == STORY


def test_tag_head_inside_the_story_is_kept():
    text = STORY + " ومن أبرز سمات المرحلة أن القصف لم يتوقف."
    assert clean(text).text == text


def test_tag_like_tail_with_punctuation_or_too_long_is_kept():
    with_comma = STORY + " سمات القصف، وأثره على الأسواق"
    assert clean(with_comma).text == with_comma
    too_long = STORY + " سمات" + " كلمة" * 16
    assert clean(too_long).text == too_long
    assert clean(STORY + " سمات" + " كلمة" * 15).text == STORY


def test_tag_head_alone_at_the_end_is_kept():
    text = STORY + " سمات"
    assert clean(text).text == text


def _tag_block_over_the_whole_tail(text, table):
    """strip_tag_block as it read before the shorter tail: the words of the last 2,000 characters."""
    import re

    from rasd.stages.clean import cut_tag_block
    return cut_tag_block(text, list(re.finditer(r"\S+", text[-2000:])), max(0, len(text) - 2000), table)


TAG_WORDS = st.sampled_from(["وسوم", "كوسوم", "،اليوم", "قصف", "البلدة", "حلب", "مدني.", "اليوم،", "x" * 30, "\u200fوسوم", "ب"])


@given(st.lists(TAG_WORDS, max_size=40), st.lists(st.sampled_from([" ", "  ", "\n", "\u00a0", "\t "]), min_size=40,
                                                   max_size=40), st.integers(1, 6), st.integers(0, 2100))
def test_the_tag_block_read_over_a_shorter_tail_is_the_one_read_over_the_whole_tail(words, gaps, most, pad):
    """strip_tag_block reads a shorter tail first; its answer is the one over the last 2,000
    characters, whatever the words' lengths, the white space between them and the text's length
    (a first word cut by either tail)."""
    from rasd.stages.clean import BoilerplateTable, strip_tag_block
    table = BoilerplateTable((), 0, frozenset({"وسوم"}), most)
    text = "ك" * pad + "".join(g + w for g, w in zip(gaps, words))
    assert strip_tag_block(text, table) == _tag_block_over_the_whole_tail(text, table)


def test_a_word_cut_by_the_shorter_tail_is_not_read_as_a_tag_head():
    """The shorter tail (24 characters a word read, 72 here) starts inside كوسوم, leaving وسوم, a head:
    it holds only the words read, so the whole tail is read, where the word is كوسوم, no head."""
    from rasd.stages.clean import SHORT_TAIL_CHARS, BoilerplateTable, strip_tag_block
    table = BoilerplateTable((), 0, frozenset({"وسوم"}), 1)
    tail = "ق" * (SHORT_TAIL_CHARS * 3 - 5)
    text = "نص كوسوم " + tail
    assert text[-SHORT_TAIL_CHARS * 3:].startswith("وسوم ")
    assert strip_tag_block(text, table) == text == _tag_block_over_the_whole_tail(text, table)
    assert strip_tag_block("نص وسوم " + tail, table) == "نص"


@pytest.mark.parametrize("glued,text", [
    ("وقال مراسلالميادينفي جنوب لبنان", "وقال مراسل الميادين في جنوب لبنان"),
    ("وقال طلال ناجي أكدللميادينأنّ القصف", "وقال طلال ناجي أكد للميادين أنّ القصف"),
    ("وأكد مكتبالميادين ذلك", "وأكد مكتب الميادين ذلك"),
    ("والميادين وبالميادين وللميادين للميادين الميادين", "والميادين وبالميادين وللميادين للميادين الميادين"),
])
def test_a_glued_link_word_is_cut_from_the_words_glued_to_it(glued, text):
    """boilerplate.yaml glued_link_words: the outlet's name, a link whose spaces scraping lost, is cut
    from its neighbours; behind its own proclitics it stays one word."""
    assert clean(glued).text == text


def test_unglue_is_the_glued_patterns_substitution():
    """unglue tries the glued pattern only around a stem's occurrences: the same text as the pattern's
    substitution over the whole text, on composed strings of the stem, its article and lam forms,
    letters and gaps (overlapping and adjacent occurrences, at the text's ends)."""
    import random
    from rasd.kb.resources import default_resources
    from rasd.stages.clean import unglue
    table = default_resources().boilerplate
    assert table.glued is not None and table.glued_stems
    st = table.glued_stems[0]
    pieces = [st, "ال" + st, "لل" + st, "ال", "ل", "و", "مراسل", "في", " ", "،", "\n", "ب"]
    rnd = random.Random(0)
    for _ in range(3000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 8)))
        assert unglue(text, table) == table.glued.sub(" ", text), text
    # a table built without its stems falls back on the whole search
    bare = table._replace(glued_stems=())
    assert unglue("مراسلالميادينفي", bare) == "مراسل الميادين في"
