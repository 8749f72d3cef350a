"""Tokens (rasd.arabic.tokens): whole words, offsets into the written text."""
from __future__ import annotations

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
