"""Tokens and proclitic readings (rasd.arabic.tokens): whole words, offsets into the written text."""
from __future__ import annotations

import pytest

from rasd.arabic.normalize import fold_str
from rasd.arabic.clitics import readings as stems
from rasd.arabic.tokens import tokenize


def readings(word: str) -> list[str]:
    return [stem for _, stem in stems(fold_str(word))]


@pytest.mark.parametrize("word, stem, prefix", [
    ("وبريف", "ريف", 2),          # و + ب
    ("للمعارضة", "معارضه", 2),    # ل + ال written لل
    ("بالجيش", "جيش", 3),         # ب + ال
    ("فالقوات", "قوات", 3),       # ف + ال
    ("وللجيش", "جيش", 3),         # و + ل + ال
    ("كالعادة", "عاده", 3),       # ك + ال
])
def test_clitic_readings(word, stem, prefix):
    assert (prefix, stem) in stems(fold_str(word))


def test_unstripped_reading_comes_first():
    for word in ("وبريف", "للمعارضة", "بالجيش", "لبنان"):
        assert stems(fold_str(word))[0] == (0, fold_str(word))


def test_only_leading_clitics_are_stripped():
    assert readings("ريف") == ["ريف"]
    assert "حلب" not in readings("محلبية")     # a name inside a word is not a reading
    assert "حلب" not in readings("حلبي")
    assert all(len(s) >= 2 for s in readings("وبه"))


def test_tokens_are_whole_words_with_original_offsets():
    text = "وبريفِ حلبَ، قُتل ٣ مدنيين"
    toks = tokenize(text)
    assert [t.key for t in toks] == ["وبريف", "حلب", "قتل", "3", "مدنيين"]
    assert [text[t.start:t.end] for t in toks] == ["وبريفِ", "حلبَ", "قُتل", "٣", "مدنيين"]
    assert [t.i for t in toks] == list(range(5))


def test_punctuation_and_latin_split_tokens():
    text = "«الجيش»-السوري (SAA)"
    assert [text[t.start:t.end] for t in tokenize(text)] == ["الجيش", "السوري", "SAA"]
