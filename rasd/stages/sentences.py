"""Sentence spans: a sentence ends at . ! ? ؟ followed by space, or at a line break."""
from __future__ import annotations

import re

from rasd.doc import Doc
from rasd.pipeline import Stage

# a full stop ends a sentence before white space, a quote, the end, or straight before an Arabic
# letter: scraped reports often lose the space after it (…من طرف آخر.وسط …); a run of marks right
# after a digit ends none (2.5). The pattern opens on the class of its first character, so the search
# skips to the next mark or line break at C speed: a line break ends the sentence alone, a mark
# starts the run (the look-behind reads the character before it). The same matches as the plain
# (?<!\d)[.!?؟]+(?=…)[…]*|\n, which tried both branches at every character.
_END = re.compile(r"[.!?؟\n](?:(?<=\n)|(?<!\d[.!?؟])[.!?؟]*(?=[\s\"'»”)\u0621-\u064a]|$)[\"'»”)]*)")


def split(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for m in _END.finditer(text):
        _add(text, start, m.end(), out)
        start = m.end()
    _add(text, start, len(text), out)
    return out


def _add(text: str, s: int, e: int, out: list) -> None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        out.append((s, e))


class Sentences(Stage):
    name = "sentences"
    requires = ("text",)
    assigns = ("sentences",)

    def __call__(self, doc: Doc) -> Doc:
        doc.sentences = split(doc.text)
        return doc
