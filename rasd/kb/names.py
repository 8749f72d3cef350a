"""Given names learned from the NER corpora (ANERcorp, AQMAR, NewsFANE).

At install, the first token of every PERSON span is folded and counted; names seen at least
``MIN_COUNT`` times, minus the stop list in geo_cues.yaml (titles such as الرئيس), are saved to
names.json.  :func:`given_names` reads that file.
"""
from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from rasd.arabic.normalize import fold_str
from rasd.errors import DataMissingError, InputError
from rasd.kb.yamlfile import load, str_list
from rasd.settings import data_dir

FILENAME = "names.json"
MIN_COUNT = 2
COMMON_MIN = 3
# NewsFANE's fine-grained person classes (its Group class is a collective, not a person).
NEWSFANE_PERSON = frozenset({"Politician", "Athlete", "Artist", "Other_PER", "Religious_PER", "Scientist",
                             "Police", "Businessperson", "Lawyer", "Engineer"})
# Corpus file → the B- tags that open a person span.
CORPORA = {"ANERCorp.txt": frozenset({"PERS"}),
           "AQMAR_Arabic_NER_corpus-1.0.txt": frozenset({"PER"}),
           "NewsFANE_Gold_2014_170K.txt": NEWSFANE_PERSON}


def tagged(lines: Iterable[str], classes: frozenset[str]) -> Iterator[tuple[str, str]]:
    """(token, kind) for 'token TAG' or 'token<TAB>TAG' lines; kind is "person" for the first
    token of a person span, "other" (O), or "entity" (any other entity token)."""
    for line in lines:
        parts = line.replace("\u200e", "").replace("\u200f", "").strip().rsplit(None, 1)
        if len(parts) != 2:
            continue
        tok, tag = parts
        if tag.startswith("B-") and tag[2:] in classes:
            yield tok, "person"
        elif tag == "O":
            yield tok, "other"
        else:
            yield tok, "entity"


def count_given_names(ner_dir: Path) -> tuple[Counter, Counter, Counter, list[str]]:
    """Counts of folded tokens as person-span starts, as O, and inside other entities."""
    person: Counter = Counter()
    other: Counter = Counter()
    entity: Counter = Counter()
    read = []
    for fname, classes in CORPORA.items():
        p = ner_dir / fname
        if not p.is_file():
            continue
        read.append(fname)
        with open(p, encoding="utf-8", errors="replace") as f:
            for tok, kind in tagged(f, classes):
                {"person": person, "other": other, "entity": entity}[kind][fold_str(tok)] += 1
    return person, other, entity, read


def build_names(ner_dir: Path, out: Path) -> dict:
    counts, other, entity, read = count_given_names(ner_dir)
    if not read:
        raise InputError(f"no NER corpus found in {ner_dir}", hint=f"expected one of {sorted(CORPORA)}")
    stop = {fold_str(w) for w in str_list("geo_cues.yaml", load("geo_cues"), "name_stoplist")}
    # a name must be a name more often than an ordinary word (الآن، أمام are tagged names once in a while)
    names = sorted(n for n, c in counts.items() if c >= MIN_COUNT and n not in stop and len(n) >= 2
                   and not n.isdigit() and other[n] <= 2 * c)
    # ordinary words: frequent outside entities, rare inside them (برفقة، جديدة، وحدة)
    common = sorted(w for w, c in other.items() if c >= COMMON_MIN and c > 4 * (entity[w] + counts[w])
                    and len(w) >= 2 and not w.isdigit())
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp")
    tmp.write_text(json.dumps({"version": 2, "sources": read, "min_count": MIN_COUNT, "names": names,
                               "common_words": common},
                              ensure_ascii=False), encoding="utf-8")
    tmp.replace(out)
    return {"given names": len(names), "common words": len(common), "corpora": len(read)}


def given_names(base: Path | None = None) -> frozenset[str]:
    """Folded given names; raises DataMissingError when names.json is not installed."""
    return frozenset(_load(base)["names"])


def common_words(base: Path | None = None) -> frozenset[str]:
    """Folded words the NER corpora use mostly outside names (not to be read as a name or place)."""
    return frozenset(_load(base).get("common_words", ()))


def _load(base: Path | None) -> dict:
    p = (base or data_dir()) / FILENAME
    try:
        return json.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DataMissingError(f"no given-name list at {p}") from None
    except (ValueError, KeyError, TypeError) as e:
        raise DataMissingError(f"the given-name list at {p} is unreadable ({e})") from None
