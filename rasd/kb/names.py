"""Given names learned from the NER corpora (ANERcorp, AQMAR, NewsFANE).

At install, the first token of every PERSON span is folded and counted; names seen at least
``MIN_COUNT`` times, minus the stop list in geo_cues.yaml (titles such as الرئيس), are saved to
names.json.  :func:`given_names` reads that file.  The corpora are read through
:func:`rasd.ner.corpus.training_sentences`: never ANERcorp's CAMeL test half nor its copies.
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


def kinds(sentence: Iterable[tuple[str, str]], classes: frozenset[str]) -> Iterator[tuple[str, str]]:
    """(token, kind) for (token, TAG) pairs; kind is "person" for the first token of a person span,
    "other" (O), or "entity" (any other entity token)."""
    for tok, tag in sentence:
        if tag.startswith("B-") and tag[2:] in classes:
            yield tok, "person"
        elif tag == "O":
            yield tok, "other"
        else:
            yield tok, "entity"


def count_given_names(ner_dir: Path, validation: int = 0) -> tuple[Counter, Counter, Counter, list[str]]:
    """Counts of folded tokens as person-span starts, as O, and inside other entities.

    Reads the corpora only through :func:`rasd.ner.corpus.training_sentences`, so the CAMeL test
    half of ANERcorp and its copies (NewsFANE repeats it) are never counted.  NewsFANE's
    re-annotation of the train half is counted beside ANERcorp's: two annotators calling a word a
    name is more evidence than one.  ``validation``: hold out the last that many sentences of the
    train half too (a validation data folder, scripts/ner_validation.py)."""
    from rasd.ner.corpus import training_sentences

    person: Counter = Counter()
    other: Counter = Counter()
    entity: Counter = Counter()
    data = training_sentences(ner_dir, tuple(CORPORA), validation=validation, keep_repeats=True)
    read = sorted({name for name, _ in data.sentences})
    for (name, _), raw in zip(data.sentences, data.raw):
        for tok, kind in kinds(raw, CORPORA[name]):
            {"person": person, "other": other, "entity": entity}[kind][fold_str(tok)] += 1
    return person, other, entity, read


def _clitic_form(name: str, counts: Counter) -> bool:
    """ANERcorp writes proclitics on names (ومحمد، لمحمد): such a form is the bare name's, not a name
    of its own, when the bare name opens person spans at least as often (فريد stays: ريد does not)."""
    from rasd.arabic.clitics import readings

    return any(n and counts[st] >= counts[name] for n, st in readings(name))


def build_names(ner_dir: Path, out: Path, validation: int = 0) -> dict:
    counts, other, entity, read = count_given_names(ner_dir, validation)
    if not read:
        raise InputError(f"no NER corpus found in {ner_dir}", hint=f"expected one of {sorted(CORPORA)}")
    geo = load("geo_cues")
    stop = {fold_str(w) for w in str_list("geo_cues.yaml", geo, "name_stoplist")}
    # words that are region names themselves (البادية، الريف) are never ordinary words
    regions = {fold_str(w) for key in ("rif", "badia") for w in str_list("geo_cues.yaml", geo, key)}
    # a name must be a name more often than an ordinary word (الآن، أمام are tagged names once in a while)
    names = sorted(n for n, c in counts.items() if c >= MIN_COUNT and n not in stop and len(n) >= 2
                   and not n.isdigit() and other[n] <= 2 * c and not _clitic_form(n, counts))
    # ordinary words: frequent outside entities, rare inside them (برفقة، جديدة، وحدة)
    common = sorted(w for w, c in other.items() if c >= COMMON_MIN and c > 4 * (entity[w] + counts[w])
                    and len(w) >= 2 and not w.isdigit() and w not in regions)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp")
    tmp.write_text(json.dumps({"version": 2, "sources": read, "min_count": MIN_COUNT, "names": names,
                               "counts": {n: counts[n] for n in names},
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
