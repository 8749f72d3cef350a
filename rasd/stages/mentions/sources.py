"""Unknown sources of a report: a source head with its modifiers (مصادر ميدانية، ناشطون محليون) or a
word that is a source alone; an anaphoric one (المصادر ذاتها) is marked for the attribution reader."""
from __future__ import annotations

from rasd.stages.mentions.context import Finder


def source_at(f: Finder, i: int) -> int | None:
    """End token of a source phrase starting at token i, or None."""
    if f.is_(i, "source_heads"):
        j = i + 1
        while j < len(f.toks) and j - i <= 2 and f.joined(j - 1) and f.is_(j, "source_modifiers"):
            j += 1
        if j > i + 1:
            return j
    if f.is_(i, "source_standalone"):
        return i + 1
    return None


def add_source(f: Finder, i: int, end: int) -> None:
    key = f.toks[i].key
    pre = f.prefix_of(i, "source_heads") or f.prefix_of(i, "source_standalone")
    anaphor = any(key[len(c):].startswith(w) for c in ("", *f.R.conj) for w in f.w["source_anaphors"])
    f.add(i, end, pre, "SOURCE", None, 0.7, pattern=True, anaphor=anaphor)
