"""Statistical NER beside the knowledge base: runs after mentions, adds PERSON / PLACE / ACTOR mentions
for the CRF's spans (rasd.ner) that no mention already covers.

The knowledge base still links and types what it knows; the CRF proposes names it has never seen
(a new commander, a village missing from the gazetteer).  It is spent only on sentences the gate
of :mod:`rasd.ner.gate` finds worth it, and a span is kept only when its lowest label marginal
reaches ``min_confidence``.  Every added mention says why in ``info["why"]``.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rasd.arabic.tokens import stems
from rasd.doc import Doc, Mention
from rasd.ner.gate import Gate
from rasd.ner.tag import Tagger

TYPES = {"PERS": "PERSON", "LOC": "PLACE", "ORG": "ACTOR"}
MIN_CONFIDENCE = 0.5


@dataclass
class _Tok:
    text: str          # as written (the CRF folds it)
    start: int
    end: int
    word: int | None   # index in doc.tokens (None for punctuation)


class NerStage:
    """Doc → Doc; holds the loaded tagger and its gate."""

    name = "ner"

    def __init__(self, tagger: Tagger, gate: Gate, min_confidence: float = MIN_CONFIDENCE):
        self.tagger, self.gate, self.min_confidence = tagger, gate, min_confidence

    def __call__(self, doc: Doc) -> Doc:
        if not doc.text or not doc.sentences:
            return doc
        toks = doc.tokens
        taken = [False] * len(toks)
        for m in doc.mentions:
            for k in range(*m.info.get("tok", (0, 0))):
                taken[k] = True
        added: list[Mention] = []
        w = 0
        for s_start, s_end in doc.sentences:
            while w < len(toks) and toks[w].end <= s_start:
                w += 1
            lo = w
            while w < len(toks) and toks[w].start < s_end:
                w += 1
            hi = w
            if lo == hi:
                continue
            reason = self.gate.reason([toks[k].key for k in range(lo, hi) if not taken[k]])
            if reason is None:
                continue
            sent = _sentence_tokens(doc, lo, hi, s_end)
            for sp in self.tagger.spans([t.text for t in sent]):
                words = [t.word for t in sent[sp.start:sp.end] if t.word is not None]
                if not words or sp.confidence < self.min_confidence:
                    continue
                i, j = words[0], words[-1] + 1
                if any(taken[i:j]):
                    continue   # the knowledge base or a cue pattern found something here
                m = self._mention(doc, i, j, sp.cls, sp.confidence, reason)
                if m is not None:
                    added.append(m)
                    for k in range(i, j):
                        taken[k] = True
        if added:
            doc.mentions = sorted(doc.mentions + added, key=lambda m: m.start)
        return doc

    def _mention(self, doc: Doc, i: int, j: int, cls: str, conf: float, reason: str) -> Mention | None:
        t = doc.tokens[i]
        pre = self._proclitics(t.key)
        start = doc.folded.orig(t.kstart + pre) if pre else t.start
        end = doc.tokens[j - 1].end
        if start >= end:
            return None
        why = f"statistical NER: {cls} (p={conf:.2f}), sentence tagged for its {reason}; no knowledge-base name here"
        return Mention(start, end, doc.text[start:end], TYPES[cls], None,
                       {"tok": (i, j), "pattern": True, "ner": cls, "why": why}, round(0.5 + 0.3 * conf, 3))

    def _proclitics(self, key: str) -> int:
        """Characters of conjunction/preposition proclitics to leave out of the span (the article
        stays): only when the rest is a word rasd knows and the whole is not (ودمشق, بحلب)."""
        lex = self.tagger.lex
        known = self.gate.known

        def knows(w: str) -> bool:
            return w in known or w in lex.given or w in lex.places or w in lex.kb

        if knows(key):
            return 0
        for n, st in stems(key)[1:]:
            if key[max(0, n - 2):n] == "ال" and not key[:n].endswith("لل"):
                n -= 2        # the article stays with the name (والرقة → الرقة)
            if n and (knows(key[n:]) or knows(st)):
                return n
        return 0


def _sentence_tokens(doc: Doc, lo: int, hi: int, end: int) -> list[_Tok]:
    """Words lo..hi-1 of the document and the punctuation between them and up to ``end``, as the CRF
    was trained (ANERcorp separates punctuation)."""
    toks = doc.tokens
    out: list[_Tok] = []

    def punct(a: int, b: int) -> None:
        for off, c in enumerate(doc.text[a:b]):
            if not c.isspace() and not ("\u064b" <= c <= "\u065f" or c in "\u0640\u200e\u200f"):
                out.append(_Tok(c, a + off, a + off + 1, None))

    for k in range(lo, hi):
        t = toks[k]
        if k > lo:
            punct(toks[k - 1].end, t.start)
        out.append(_Tok(doc.text[t.start:t.end], t.start, t.end, k))
    punct(toks[hi - 1].end, max(end, toks[hi - 1].end))
    return out


def load(base: Path) -> NerStage:
    """The stage over the model and lexicons installed in the data folder ``base``."""
    from rasd.kb.knowledge import load_kb
    from rasd.kb.yamlfile import load as load_yaml
    from rasd.ner.resources import lexicons
    from rasd.ner.train import MODEL

    lex = lexicons(base)
    known = set(lex.clusters) | set(lex.places) | set(lex.kb)
    gate = Gate.of(load_yaml("triggers"), load_kb().lexicon["_folded"], known)
    return NerStage(Tagger(base / MODEL, lex), gate)


@lru_cache(maxsize=2)
def _for(base: str) -> NerStage:
    return load(Path(base))


def run(doc: Doc) -> Doc:
    """Registry entry: the stage of the current data folder (loaded once per folder)."""
    from rasd.settings import data_dir

    return _for(str(data_dir()))(doc)
