"""Given names learned from the NER corpora (ANERcorp, AQMAR, NewsFANE).

At install, the first token of every PERSON span is folded and counted; names seen at least
``MIN_COUNT`` times, minus the stop list in geo_cues.yaml (titles such as الرئيس), are saved to
names.json.  :func:`given_names` reads that file once per process.
"""
from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

from rasd.arabic.normalize import fold_str
from rasd.errors import DataMissingError, InputError
from rasd.kb.yamlfile import load, str_list
from rasd.settings import data_dir

FILENAME = "names.json"
MIN_COUNT = 2
# NewsFANE's fine-grained person classes (its Group class is a collective, not a person).
NEWSFANE_PERSON = frozenset({"Politician", "Athlete", "Artist", "Other_PER", "Religious_PER", "Scientist",
                             "Police", "Businessperson", "Lawyer", "Engineer"})
# Corpus file → the B- tags that open a person span.
CORPORA = {"ANERCorp.txt": frozenset({"PERS"}),
           "AQMAR_Arabic_NER_corpus-1.0.txt": frozenset({"PER"}),
           "NewsFANE_Gold_2014_170K.txt": NEWSFANE_PERSON}


def person_starts(lines: Iterable[str], classes: frozenset[str]) -> Iterator[str]:
    """First tokens of person spans in 'token TAG' or 'token<TAB>TAG' lines."""
    for line in lines:
        parts = line.replace("\u200e", "").replace("\u200f", "").strip().rsplit(None, 1)
        if len(parts) == 2 and parts[1].startswith("B-") and parts[1][2:] in classes:
            yield parts[0]


def count_given_names(ner_dir: Path) -> tuple[Counter, list[str]]:
    """Folded first tokens of PERSON spans over the corpora present; also the files read."""
    counts: Counter = Counter()
    read = []
    for fname, classes in CORPORA.items():
        p = ner_dir / fname
        if not p.is_file():
            continue
        read.append(fname)
        with open(p, encoding="utf-8", errors="replace") as f:
            counts.update(fold_str(t) for t in person_starts(f, classes))
    return counts, read


def build_names(ner_dir: Path, out: Path) -> dict:
    counts, read = count_given_names(ner_dir)
    if not read:
        raise InputError(f"no NER corpus found in {ner_dir}", hint=f"expected one of {sorted(CORPORA)}")
    stop = {fold_str(w) for w in str_list("geo_cues.yaml", load("geo_cues"), "name_stoplist")}
    names = sorted(n for n, c in counts.items() if c >= MIN_COUNT and n not in stop and len(n) >= 2
                   and not n.isdigit())
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp")
    tmp.write_text(json.dumps({"version": 1, "sources": read, "min_count": MIN_COUNT, "names": names},
                              ensure_ascii=False), encoding="utf-8")
    tmp.replace(out)
    given_names.cache_clear()
    return {"given names": len(names), "corpora": len(read)}


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Folded given names; raises DataMissingError when names.json is not installed."""
    p = data_dir() / FILENAME
    try:
        return frozenset(json.loads(p.read_text(encoding="utf-8"))["names"])
    except FileNotFoundError:
        raise DataMissingError(f"no given-name list at {p}") from None
    except (ValueError, KeyError, TypeError) as e:
        raise DataMissingError(f"the given-name list at {p} is unreadable ({e})") from None
