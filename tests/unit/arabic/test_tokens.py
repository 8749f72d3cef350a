"""Tokens (rasd.arabic.tokens): whole words, offsets into the written text."""
from __future__ import annotations

import re

from rasd.arabic.tokens import tokenize


def test_tokens_are_whole_words_with_original_offsets():
    text = "وبريفِ حلبَ، قُتل ٣ مدنيين"
    toks = tokenize(text)
    assert [t.key for t in toks] == ["وبريف", "حلب", "قتل", "3", "مدنيين"]
    assert [text[t.start:t.end] for t in toks] == ["وبريفِ", "حلبَ", "قُتل", "٣", "مدنيين"]
    assert [t.i for t in toks] == list(range(5))


def test_punctuation_and_latin_split_tokens():
    text = "«الجيش»-السوري (SAA)"
    assert [text[t.start:t.end] for t in tokenize(text)] == ["الجيش", "السوري", "SAA"]


def _by_matches(text: str) -> list[tuple]:
    """The tokens as one Match object per word gives them (the reading tokenize's split replaced),
    each word then cut at every key position whose letter stands right after a glued word's end
    (GLUED_END in the text)."""
    from rasd.arabic.normalize import fold
    from rasd.arabic.tokens import GLUED_END, WORD

    f = fold(text)
    cuts = {m.end() for m in GLUED_END.finditer(text)}
    out = []
    for m in WORD.finditer(f.key):
        a, b = m.span()
        pieces, k0 = [], a
        for k in range(a + 1, b):
            if f.orig(k) in cuts and f.orig(k - 1) < f.orig(k):
                pieces.append((k0, k))
                k0 = k
        pieces.append((k0, b))
        for x, y in pieces:
            s0 = f.span(x, y)[0]
            e0 = f.orig(y) if y < b else f.span(a, b)[1]
            out.append((len(out), s0, e0, x, y, f.key[x:y]))
    return out


def test_a_word_glued_after_taa_marbuta_or_alef_maqsura_is_cut_there():
    text = "غارةعلى الحسكةشرقي وعلىالحدود غارةً حاشدةًكل يوم"
    assert [text[t.start:t.end] for t in tokenize(text)] == \
        ["غارة", "على", "الحسكة", "شرقي", "وعلى", "الحدود", "غارةً", "حاشدةً", "كل", "يوم"]
    # ىء is the old spelling of a hamza on its seat, one word; a final ة or ى before a space is no glue
    # tanween ends a word too, after two letters at least, and not before the alef or ى it sits on
    tan = "شنت عدواناً جوياًمن الجولان هجوماًعلى جويًا هدًى"
    assert [tan[t.start:t.end] for t in tokenize(tan)] == \
        ["شنت", "عدواناً", "جوياً", "من", "الجولان", "هجوماً", "على", "جويًا", "هدًى"]
    seat = "على شاطىء الطوارىء مستشفى"
    assert [seat[t.start:t.end] for t in tokenize(seat)] == ["على", "شاطىء", "الطوارىء", "مستشفى"]


def test_edges_empty_text_and_marks_at_either_end():
    for text in ("", "  ، ", "حلب", "َحلبُ", "«حلب»", "قتل ٣ءَ", "ًو حلب ًّ"):
        assert [tuple(t) for t in tokenize(text)] == _by_matches(text), text


from hypothesis import given, strategies as st  # noqa: E402

_ALPHABET = st.sampled_from(list("حلبيةىاأءًٌٍَُِّـ ،.-«»٣9aZ\u200f\u0640"))


@given(st.text(_ALPHABET, max_size=40))
def test_split_tokens_are_the_words_of_the_key_with_their_offsets(text):
    assert [tuple(t) for t in tokenize(text)] == _by_matches(text)


def test_the_glue_guard_skips_common_text_and_holds_every_glue():
    """_GLUE_AHEAD (the cheap test before GLUED_END) is false on a text whose ة, ى and tanween all end
    their words (the common case) and true on each glued text."""
    from rasd.arabic.tokens import _GLUE_AHEAD

    assert not _GLUE_AHEAD.search("غارة جوية على مستشفى المدينة شنت عدواناً جويًا هدًى")
    for glued in ("غارةعلى", "علىالحدود", "حاشدةًكل", "جوياًمن", "هجوماًعلى"):
        assert _GLUE_AHEAD.search(glued), glued


@given(st.text(_ALPHABET, max_size=40))
def test_the_glue_guard_holds_every_glued_end(text):
    from rasd.arabic.tokens import _GLUE_AHEAD, GLUED_END

    assert _GLUE_AHEAD.search(text) or not GLUED_END.search(text)


_TWO_BRANCHES = re.compile("[\u0629\u0649][\u064b-\u0652\u0670]*[\u0622-\u063a\u0641-\u064a\u0671-\u06d3]"
                           "|[\u064b-\u064d][\u064e-\u0652\u0670]*"
                           "[\u0622-\u0626\u0628-\u063a\u0641-\u0648\u064a\u0671-\u06d3]")


@given(st.text(_ALPHABET, max_size=40))
def test_the_glue_guard_opening_on_one_class_finds_what_its_two_branches_found(text):
    """_GLUE_AHEAD opens on one class and tells its branches apart by a look-behind: every match is
    the one of the two-branch pattern it was written from (each branch opening on its own class)."""
    from rasd.arabic.tokens import _GLUE_AHEAD

    assert [m.span() for m in _GLUE_AHEAD.finditer(text)] == [m.span() for m in _TWO_BRANCHES.finditer(text)]


def test_the_particle_anna_glued_after_a_word_is_cut_off():
    """أنّ / إنّ with its shadda only opens a word (behind at most two proclitic letters): after three
    letters of a token it is a word glued on with its space lost (Al Mayadeen's stripped links)."""
    text = "العميد إسماعيل قاآنيأنّ الجمهورية وأعلنت روسياأنَّ قواتها"
    assert [text[t.start:t.end] for t in tokenize(text)] == \
        ["العميد", "إسماعيل", "قاآني", "أنّ", "الجمهورية", "وأعلنت", "روسيا", "أنَّ", "قواتها"]
    whole = "وقال بأنّ الأمر لأنّ ذلك وبأنّ فإنّ كأنّ اطمأنّ أنّ"
    assert [whole[t.start:t.end] for t in tokenize(whole)] == whole.split()
