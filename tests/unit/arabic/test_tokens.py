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


def _by_matches(text: str) -> list[tuple]:
    """The tokens as one Match object per word gives them (the reading tokenize's split replaced)."""
    from rasd.arabic.normalize import fold
    from rasd.arabic.tokens import WORD

    f = fold(text)
    out = []
    for n, m in enumerate(WORD.finditer(f.key)):
        a, b = m.span()
        out.append((n, *f.span(a, b), a, b, m.group()))
    return out


def test_edges_empty_text_and_marks_at_either_end():
    for text in ("", "  ، ", "حلب", "َحلبُ", "«حلب»", "قتل ٣ءَ", "ًو حلب ًّ"):
        assert [tuple(t) for t in tokenize(text)] == _by_matches(text), text


from hypothesis import given, strategies as st  # noqa: E402

_ALPHABET = st.sampled_from(list("حلبيةأءًَُِّـ ،.-«»٣9aZ\u200f\u0640"))


@given(st.text(_ALPHABET, max_size=40))
def test_split_tokens_are_the_words_of_the_key_with_their_offsets(text):
    assert [tuple(t) for t in tokenize(text)] == _by_matches(text)
