"""Test-only harness: PLACE entities built from gold aliases found in the text, so the geocoder
can be measured before (and independently of) the mention finder.  Never used by library code."""
from __future__ import annotations

import json
import re
from pathlib import Path

from rasd.arabic.normalize import fold_str, strip_article
from rasd.doc import Doc, Entity, Mention
from rasd.geo.features import km
from rasd.geo.regions import match_region

_SENT = re.compile(r"[.!?\n]+")


def gold_records(shared: Path, split: str) -> list[dict]:
    return [json.loads(line) for line in (shared / "corpus" / split / "gold.jsonl").read_text(encoding="utf-8")
            .splitlines() if line.strip()]


def _sentences(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for m in _SENT.finditer(text):
        if m.end() > start:
            out.append((start, m.end()))
        start = m.end()
    if start < len(text):
        out.append((start, len(text)))
    return out


def build_doc(text: str, places: list[dict], res) -> Doc:
    """PLACE entities from the gold aliases found in ``text``, over the Resources ``res``."""
    gaz = res.gazetteer
    doc = Doc(text)
    doc.sentences = _sentences(text)
    key = doc.folded.key
    cue_words = res.geo_cues.cues
    aliases = sorted(((fold_str(a), pl["key"]) for pl in places for a in pl["aliases"]),
                     key=lambda x: -len(x[0]))
    taken: list[tuple[int, int]] = []
    by_place: dict[str, list[Mention]] = {}
    for alias, pk in aliases:
        for m in re.finditer(r"(?<![\w])(?:[وف]?[بلك]?)(" + re.escape(alias) + r")(?![\w])", key):
            ks, ke = m.span(1)
            if any(ks < b and a < ke for a, b in taken):
                continue
            taken.append((ks, ke))
            words = alias.split()
            cue = None
            if len(words) > 1 and words[0] in cue_words and not gaz.lookup(alias):
                # what the mention finder does: a cue word, then the gazetteer name inside the phrase
                for n in range(len(words), max(len(words) - 2, 1), -1):
                    if gaz.lookup(" ".join(words[1:n])):
                        cue = words[0]
                        ks += len(words[0]) + 1
                        ke = ks + len(" ".join(words[1:n]))
                        break
            s, e = doc.folded.span(ks, ke)
            k = strip_article(fold_str(text[s:e]))
            info = {"key": k, "place_ids": [p.id for p in gaz.lookup(k)]}
            if cue:
                info["cue"] = cue
            s0, _ = doc.folded.span(m.start(1), ke)
            # a region phrase starting at the alias (or right after a leading cue word: منطقة جبل X)
            span = [t for t in doc.tokens if t.end > s0 and t.start < e]
            for t in span[:2 if words[0] in cue_words else 1]:
                hit = match_region(doc.tokens, t.i, gaz, res.geo_cues, res.region_table.named)
                if hit and doc.tokens[hit[0] - 1].end >= e:
                    info["region"] = hit[1]
                    break
            by_place.setdefault(pk, []).append(Mention(s, e, text[s:e], "PLACE", **info))
    for n, pl in enumerate(places):
        ms = sorted(by_place.get(pl["key"], []), key=lambda m: m.start)
        if ms:
            doc.entities.append(Entity(f"P{n}", "PLACE", ms[0].text, None, None, ms, extra={"gold": pl}))
    return doc


def score(docs: list[Doc]) -> tuple[int, int, list[str]]:
    """(within tolerance, scored, misses) over gold places with coordinates that were found."""
    ok = total = 0
    misses = []
    for doc in docs:
        for e in doc.entities:
            g = e.extra["gold"]
            if g.get("lat") is None:
                continue
            total += 1
            geo = e.geo or {}
            tol = g.get("tolerance_km") or 5
            if geo.get("lat") is not None and km((geo["lat"], geo["lon"]), (g["lat"], g["lon"])) <= tol:
                ok += 1
            else:
                d = km((geo["lat"], geo["lon"]), (g["lat"], g["lon"])) if geo.get("lat") is not None else None
                misses.append(f"{g['key']}: {e.kb_id} {d and round(d)} km (tol {tol}) — {geo.get('why')}")
    return ok, total, misses
