"""Fix the document text once: Unicode NFC, unified line ends, trailing site boilerplate removed.

Diacritics and tatweel are *not* removed here: the output text keeps the report's own
characters, and matching uses folded keys (rasd.arabic.normalize) instead.
"""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from rasd.arabic.normalize import fold_str
from rasd.arabic.script import in_block
from rasd.doc import Doc
from rasd.errors import InputError
from rasd.kb.yamlfile import load, require
from rasd.pipeline import Stage

MAX_CHARS = 2_000_000
_BLANKS = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")
_TRAIL = re.compile(r"[ \t]+\n")
_PUNCT = re.compile(r"[\s:：\-–—|•·»«\"'.,،!]+")


def load_boilerplate(path: Path) -> tuple[tuple[str, ...], int]:
    """The folded boilerplate phrases, longest first, and the longest line that may be one."""
    data = load(path)
    require(isinstance(data, dict), path, {}, "the file must be a mapping")
    return tuple(sorted({_PUNCT.sub(" ", fold_str(p)).strip() for p in data["line_phrases"]}, key=len,
                        reverse=True)), int(data["max_line_chars"])


def is_boilerplate(line: str, table: tuple[tuple[str, ...], int]) -> bool:
    phrases, max_len = table
    s = _PUNCT.sub(" ", fold_str(line)).strip()
    if not s or len(line.strip()) > max_len:
        return False
    return any(s == p or s.startswith(p + " ") for p in phrases)


def strip_trailing_boilerplate(text: str, table: tuple[tuple[str, ...], int]) -> str:
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


def clean(doc: Doc, boilerplate: tuple[tuple[str, ...], int]) -> Doc:
    raw = doc.raw
    if len(raw) > MAX_CHARS:
        raise InputError(f"the report is {len(raw):,} characters; rasd reads reports of up to {MAX_CHARS:,}",
                         hint="Split the file into reports (one per line as JSONL, or one file each) "
                              "and use `rasd ingest`.")
    if "\x00" in raw:
        raise InputError("the input contains NUL bytes: it looks like a binary file, not a report")
    t = unicodedata.normalize("NFC", raw).replace("\r\n", "\n").replace("\r", "\n")
    t = _TRAIL.sub("\n", t)
    t = _BLANKS.sub("\n\n", t)
    doc.text = strip_trailing_boilerplate(t, boilerplate).strip()
    if doc.text and not any(in_block(c) for c in doc.text[:5000]):
        doc.warnings.append("no Arabic text found: rasd reads Arabic reports; the document is empty of entities")
    return doc
