"""Sentence spans: a sentence ends at . ! ? ؟ followed by space, or at a line break."""
from __future__ import annotations

import re

from rasd.doc import Doc
from rasd.pipeline import Stage

# a full stop ends a sentence before white space, a quote, the end, or straight before an Arabic
# letter: scraped reports often lose the space after it (…من طرف آخر.وسط …)
_END = re.compile(r"(?<!\d)[.!?؟]+(?=[\s\"'»”)\u0621-\u064a]|$)[\"'»”)]*|\n")


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
