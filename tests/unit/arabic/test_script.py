"""Named letters and ranges of the Arabic script (rasd.arabic.script)."""
from rasd.arabic import script


def test_letters_of_the_basic_alphabet():
    assert script.is_letter("ب") and script.is_letter("ء") and script.is_letter("ي")
    assert not script.is_letter("ً") and not script.is_letter("a") and not script.is_letter("،")
    assert script.has_letter("abc ج") and not script.has_letter("abc 123")
    assert not script.has_letter("")


def test_marks_block_and_silent_characters():
    assert script.is_mark("\u064b") and script.is_mark("\u0651") and not script.is_mark("ا")
    assert script.in_block("،") and script.in_block("ب") and not script.in_block("x")
    assert script.TATWEEL == "ـ" and set(script.BIDI_MARKS) == {"\u200e", "\u200f"}
