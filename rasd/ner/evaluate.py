"""Per-class precision, recall and F1 over PERS / LOC / ORG spans (exact match, as conlleval)."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from rasd.ner.corpus import CLASSES


@dataclass
class Counts:
    tp: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CLASSES, 0))
    fp: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CLASSES, 0))
    fn: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CLASSES, 0))

    def add(self, gold: Iterable[tuple[int, int, str]], pred: Iterable[tuple[int, int, str]]) -> None:
        g = {x for x in gold if x[2] in CLASSES}
        p = {x for x in pred if x[2] in CLASSES}
        for s in g & p:
            self.tp[s[2]] += 1
        for s in p - g:
            self.fp[s[2]] += 1
        for s in g - p:
            self.fn[s[2]] += 1

    def table(self) -> dict[str, dict[str, float]]:
        """class (and "micro") → {p, r, f1, gold, pred}."""
        out = {}
        for c in (*CLASSES, "micro"):
            tp = sum(self.tp.values()) if c == "micro" else self.tp[c]
            fp = sum(self.fp.values()) if c == "micro" else self.fp[c]
            fn = sum(self.fn.values()) if c == "micro" else self.fn[c]
            p = tp / (tp + fp) if tp + fp else 0.0
            r = tp / (tp + fn) if tp + fn else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            out[c] = {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "gold": tp + fn, "pred": tp + fp}
        return out
