"""Fix the document text once: Unicode NFC, unified line ends, trailing site boilerplate removed.

Trailing boilerplate is of two kinds (knowledge/boilerplate.yaml): short lines that begin with a
phrase of ``line_phrases`` (share buttons, related-article blocks, copyright lines), and an outlet's
tag block run on at the very end of the story (a ``tag_heads`` word and at most ``max_tag_words``
words after it, none of them sentence punctuation).

Diacritics and tatweel are *not* removed here: the output text keeps the report's own
characters, and matching uses folded keys (rasd.arabic.normalize) instead.
"""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import NamedTuple

from rasd.arabic.clitics import letters
from rasd.arabic.normalize import fold_str
from rasd.arabic.script import LETTER_CLASS, in_block
from rasd.doc import Doc
from rasd.errors import InputError
from rasd.kb.yamlfile import load, require
from rasd.pipeline import Stage

MAX_CHARS = 2_000_000
_BLANKS = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")
_TRAIL = re.compile(r"[ \t]+\n")
_PUNCT = re.compile(r"[\s:：\-–—|•·»«\"'.,،!]+")
# what ends a sentence or a clause: a tag block holds none of it
_SENTENCE_PUNCT = frozenset(".!?؟,،;؛:")
_MARKS = "\u200e\u200f\u202a\u202b\u202c\u00a0"   # direction marks glued to a word
_TAIL_BLANKS = re.compile(f"[\\s{_MARKS}]+$")
_WORDS = re.compile(r"\S+")
TAG_TAIL = 2000          # characters at the end of a report a tag block is looked for in
SHORT_TAIL_CHARS = 10    # per word read, the shorter tail tried first (strip_tag_block)


class BoilerplateTable(NamedTuple):
    """boilerplate.yaml, folded: the line phrases longest first, the longest line that may be one,
    the tag-block head words and the most words a tag block holds."""

    phrases: tuple[str, ...]
    max_len: int
    tag_heads: frozenset[str] = frozenset()
    max_tag_words: int = 0
    glued: re.Pattern | None = None   # where a glued link word is cut from its neighbours (unglue)
    # the glued link words' stems (without the article) and how far before a stem's first letter
    # ``glued`` may match (the article's and the lam form's lengths): unglue tries it only there
    glued_stems: tuple[str, ...] = ()
    glued_back: tuple[int, ...] = ()


def load_boilerplate(path: Path) -> BoilerplateTable:
    """The folded boilerplate phrases, longest first, and the longest line that may be one; the
    tag-block heads and their longest block."""
    data = load(path)
    require(isinstance(data, dict), path, {}, "the file must be a mapping")
    glued_words = data.get("glued_link_words") or ()
    L = letters()
    return BoilerplateTable(
        tuple(sorted({_PUNCT.sub(" ", fold_str(p)).strip() for p in data["line_phrases"]}, key=len, reverse=True)),
        int(data["max_line_chars"]), frozenset(fold_str(w) for w in data.get("tag_heads") or ()),
        int(data.get("max_tag_words") or 0), _glued_pattern(glued_words), _glued_stems(glued_words),
        (len(L.article), len(L.lam_article)))


def _glued_stems(words) -> tuple[str, ...]:
    """The glued link words written with the article, without it (the stems _glued_pattern is built on)."""
    art = letters().article
    return tuple(w[len(art):] for w in words if w.startswith(art))


_LETTER = LETTER_CLASS


def _glued_pattern(words) -> re.Pattern | None:
    """The empty matches where a space goes around a glued link word (boilerplate.yaml
    glued_link_words, written with the article): before it after three letters of a word, before its
    lam form (the lam then the word without its alef) after two, after it before a letter."""
    if not words:
        return None
    L = letters()
    stems = [w[len(L.article):] for w in words if w.startswith(L.article)]
    if not stems:
        return None
    art, lam = re.escape(L.article), re.escape(L.lam_article)
    parts = []
    for st in sorted(stems, key=len, reverse=True):   # a look-behind is of one width: one branch a stem
        st = re.escape(st)
        parts += [f"(?<={_LETTER}{{3}})(?={art}{st})", f"(?<={_LETTER}{{2}})(?={lam}{st})",
                  f"(?<={art}{st})(?={_LETTER})", f"(?<={lam}{st})(?={_LETTER})"]
    return re.compile("|".join(parts))


def unglue(text: str, table: BoilerplateTable) -> str:
    """The text with a space put between a glued link word and the words glued to it.

    The same text as ``table.glued.sub(" ", text)``: the pattern's matches are empty, one space each
    where it matches, and every branch of it stands right before the article or lam form of a stem
    or right after a stem, so it is tried (``match`` at a position, its look-behinds reading the
    text before) only there, around each occurrence of a stem (found by ``str.find``), not at every
    character of the text (a pattern opening on look-behinds lets the search skip nothing: about
    4 % of an article's instructions, most reports holding no stem)."""
    glued = table.glued
    if glued is None:
        return text
    if not table.glued_stems:   # a table built without its stems: the whole search
        return glued.sub(" ", text)
    cuts = set()
    n = len(text)
    for st in table.glued_stems:
        q = text.find(st)
        while q >= 0:
            for p in (*(q - b for b in table.glued_back), q + len(st)):
                if 0 <= p <= n and glued.match(text, p):
                    cuts.add(p)
            q = text.find(st, q + 1)
    if not cuts:
        return text
    cut = sorted(cuts)
    return " ".join(text[a:b] for a, b in zip([0, *cut], [*cut, n]))


def is_boilerplate(line: str, table: BoilerplateTable) -> bool:
    phrases, max_len = table.phrases, table.max_len
    s = _PUNCT.sub(" ", fold_str(line)).strip()
    if not s or len(line.strip()) > max_len:
        return False
    return any(s == p or s.startswith(p + " ") for p in phrases)


def strip_tag_block(text: str, table: BoilerplateTable) -> str:
    """The text without the outlet's tag block at its end: the last words, from a ``tag_heads`` word
    on, when they are at most ``max_tag_words`` words after it and none is sentence punctuation
    ("... وفق المصدر. سمات تركيا حلف الاطلسي")."""
    if not table.tag_heads or not table.max_tag_words:
        return text
    # the block is read over the last max_tag_words + 1 words of the text's last TAG_TAIL characters.
    # A shorter tail holds the same last words (white-space runs cut words the same way in a string
    # and in its end, except its first word, which may be cut in two): when it holds one word more
    # than are read, its words are those, and the search does not run over the whole tail
    words: list = []
    for size in (min(TAG_TAIL, SHORT_TAIL_CHARS * (table.max_tag_words + 2)), TAG_TAIL):
        words = list(_WORDS.finditer(text[-size:]))
        base = max(0, len(text) - size)
        if len(words) >= table.max_tag_words + 2 or size >= len(text):
            break
    return cut_tag_block(text, words, base, table)


def cut_tag_block(text: str, words: list, base: int, table: BoilerplateTable) -> str:
    """The text without the tag block read over ``words`` (matches of the text's tail that starts
    at ``base``): a tag head among the last max_tag_words words before any sentence punctuation."""
    last = len(words) - 1
    for k in range(last, max(-1, last - table.max_tag_words - 1), -1):
        w = words[k].group(0)
        if k < last and fold_str(w.strip(_MARKS)) in table.tag_heads:
            return _TAIL_BLANKS.sub("", text[:base + words[k].start()])
        if any(c in _SENTENCE_PUNCT for c in w):
            return text
    return text


def strip_trailing_boilerplate(text: str, table: BoilerplateTable) -> str:
    """Drop boilerplate lines (and the short link lines after them) at the end of the report."""
    lines = text.split("\n")
    end = len(lines)
    cut = None
    for k in range(len(lines) - 1, max(-1, len(lines) - 15), -1):
        line = lines[k]
        if not line.strip():
            continue
        if is_boilerplate(line, table):
            cut = k
        elif cut is None and len(line.strip()) > 80:
            break
    if cut is not None:
        end = cut
    return "\n".join(lines[:end]).rstrip()


class Clean(Stage):
    """Fix ``text`` from ``raw``: NFC, line ends, trailing site boilerplate."""

    name = "clean"
    requires = ("raw",)
    assigns = ("text",)

    def __call__(self, doc: Doc) -> Doc:
        return clean(doc, self.resources.boilerplate)


def clean(doc: Doc, boilerplate: BoilerplateTable) -> Doc:
    raw = doc.raw
    if len(raw) > MAX_CHARS:
        raise InputError(f"the report is {len(raw):,} characters; rasd reads reports of up to {MAX_CHARS:,}",
                         hint="Split the file into reports (one per line as JSONL, or one file each) "
                              "and use `rasd ingest`.")
    if "\x00" in raw:
        raise InputError("the input contains NUL bytes: it looks like a binary file, not a report")
    t = unicodedata.normalize("NFC", raw).replace("\r\n", "\n").replace("\r", "\n")
    if " \n" in t or "\t\n" in t:   # white space ending a line (most reports have none: no search then)
        t = _TRAIL.sub("\n", t)
    t = _BLANKS.sub("\n\n", t)
    doc.text = unglue(strip_tag_block(strip_trailing_boilerplate(t, boilerplate), boilerplate).strip(), boilerplate)
    if doc.text and not any(in_block(c) for c in doc.text[:5000]):
        doc.warnings.append("no Arabic text found: rasd reads Arabic reports; the document is empty of entities")
    return doc
