"""Named letters and ranges of the Arabic script (orthography, not words): stages test text against
these instead of writing Arabic letters themselves."""
from __future__ import annotations

HAMZA = "\u0621"            # ء, the first letter of the basic alphabet in Unicode order
YA = "\u064a"               # ي, the last letter of the basic alphabet
# a regex class of the letters of the basic alphabet, without tatweel (and the marks after ي)
LETTER_CLASS = "[\u0621-\u063a\u0641-\u064a]"
TATWEEL = "\u0640"          # ـ, the stretching stroke
HARAKAT = ("\u064b", "\u065f")   # first and last short-vowel / shadda / sukun marks
TANWEEN_FATH = "\u064b"          # the accusative's double fatha (طرفًا، حربًا)
TEH_MARBUTA = "\u0629"           # ة as written, the feminine ending (folded it is ه, as a pronoun is)
BLOCK = ("\u0600", "\u06ff")     # the Arabic Unicode block
BIDI_MARKS = "\u200e\u200f"      # left-to-right and right-to-left marks
ARABIC_COMMA = "\u060c"          # ،
# what stands between the items of a list (and the و of the next item): the Arabic and the Latin
# comma, a hyphen, an en dash
LIST_GAPS = frozenset((ARABIC_COMMA, ",", "-", "\u2013"))
COMMAS = frozenset((ARABIC_COMMA, ","))   # either comma, between list items or clauses
CLAUSE_ENDS = ".:;\u061b"               # marks that close a clause (؛ the Arabic semicolon)
# marks between two clauses of one sentence: either comma, the semicolons (؛ the Arabic one), the
# colon and parentheses (evdecide's features: a clause opens after one of them)
CLAUSE_PUNCT = COMMAS | frozenset(";\u061b:()")


def is_letter(c: str) -> bool:
    """``c`` is a letter of the basic alphabet (ء … ي)."""
    return HAMZA <= c <= YA


def has_letter(s: str) -> bool:
    """Some character of ``s`` is a letter of the basic alphabet."""
    return any(HAMZA <= c <= YA for c in s)


def is_mark(c: str) -> bool:
    """``c`` is a short-vowel mark (harakah, tanwin, shadda, sukun, …)."""
    return HARAKAT[0] <= c <= HARAKAT[1]


def in_block(c: str) -> bool:
    """``c`` lies in the Arabic Unicode block."""
    return BLOCK[0] <= c <= BLOCK[1]
