"""NER training sentences of our own domain, projected from the project's annotated train reports.

ANERcorp is 2000s newswire; rasd reads conflict news of 2015-2024.  The train part of
``annotations/`` (gold records of spec/gold.md whose text is read at run time from ../shared/data)
lists each report's persons, actors and places by the aliases that occur in it.  :func:`project`
finds those aliases in the report's text (folded, on token boundaries, longest first, the first
word read with its proclitics stripped as the scorer's keys are) and writes BIO sentences over
PERS / LOC / ORG, tokenised as the NER stage tokenises at run time (rasd's words, with every mark of
punctuation a token of its own, as ANERcorp separates it).

ANERcorp's conventions decide the classes: a person is PERS without a leading title (العقيد);
a place is LOC without a leading settlement or district word (مدينة، بلدة، محافظة); an actor that
is a group, force or institution is ORG, one named by a country or city is LOC (a state acting),
and civilians are no name.  An alias made only of common words (المعارضة، التنظيم، الجيش السوري:
the words the NER corpora use mostly outside names, names.json's ``common_words``) is a
description, not a name, and is left O, as ANERcorp leaves such phrases.

The gold lists what the annotators kept for the report's events, not every name in it, so a
projected sentence can hold an untagged name (a minister quoted in passing, a far country): see
the module's report in docs/lexicon-checks.md for a by-eye count.

Nothing held out reaches training: :func:`domain_sentences` reads train records only, and drops
every sentence that shares a window of folded letters (:class:`rasd.ner.corpus.HeldOutGuard`) with
the held-out texts it is given (the test part of annotations/, seed, dev, the CAMeL test half).
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from dataclasses import dataclass, field

from rasd.arabic.clitics import readings, without_article
from rasd.arabic.normalize import fold_str, strip_article
from rasd.arabic.script import BIDI_MARKS, TATWEEL, is_mark
from rasd.arabic.tokens import WORD, tokenize
from rasd.ner.corpus import HeldOutGuard, Sentence, _letters
from rasd.ner.features import Lexicons
from rasd.stages.sentences import split as split_sentences

DOMAIN = "annotations"     # the corpus name of projected sentences in training data
ORG_CATEGORIES = frozenset({"state_force", "non_state_armed_group", "government", "coalition", "international",
                            "political", "other"})
STATE_PLACES = frozenset({"country", "city", "admin"})    # an actor named by one of these is LOC
_SILENT = TATWEEL + BIDI_MARKS


@dataclass(frozen=True)
class Alias:
    words: tuple[str, ...]     # folded words
    cls: str                   # PERS LOC ORG


@dataclass
class DomainData:
    sentences: list[tuple[str, Sentence]] = field(default_factory=list)   # (doc_id, BIO sentence)
    dropped: int = 0           # sentences sharing text with held-out text
    repeats: int = 0           # sentences already seen in another train report


def _words(alias: str) -> list[str]:
    return WORD.findall(fold_str(alias))


def _trim(words: list[str], lead: frozenset[str]) -> list[str]:
    """``words`` without the leading ones in ``lead`` (read with their clitics: والعقيد)."""
    k = 0
    while k < len(words) and (words[k] in lead or any(s in lead or "ال" + s in lead
                                                        for _, s in readings(words[k]))):
        k += 1
    return words[k:]


def state_names(gaz) -> frozenset[str]:
    """The folded names (words joined by a space) of the gazetteer's countries, cities and provinces:
    an actor named so is a state acting, LOC in ANERcorp (الولايات المتحدة)."""
    from rasd.ner.resources import KIND_CLASS

    out = set()
    for alias, pid in gaz.names():
        if KIND_CLASS.get(gaz.get(pid).kind) in STATE_PLACES:
            ws = _words(alias)
            if ws:
                out.add(" ".join(ws))
                out.add(" ".join([strip_article(ws[0]), *ws[1:]]))
    return frozenset(out)


def aliases(record: dict, lex: Lexicons, common: frozenset[str], states: frozenset[str] = frozenset()) -> list[Alias]:
    """The names of a gold record to project, longest first (see the module docstring); ``states``:
    :func:`state_names`."""
    lists = lex.lists
    titles = lists.get("person_titles", frozenset()) | lists.get("title_modifiers", frozenset())
    settle = (lists.get("place_cues", frozenset()) - lists.get("facility_cues", frozenset())) | \
        lists.get("distinct_place_cues", frozenset())

    def plain(w: str) -> bool:
        return w in common or any(s in common or "ال" + s in common for _, s in readings(w))

    def generic(ws: list[str]) -> bool:
        return all(plain(w) for w in ws)

    def known(w: str) -> bool:
        return (lex.places.get(w) or lex.places.get(strip_article(w))) in STATE_PLACES

    out: set[Alias] = set()
    for p in record.get("persons", ()):
        for a in p["aliases"]:
            ws = _trim(_words(a), titles)
            if ws and not all(w in titles for w in ws):
                out.add(Alias(tuple(ws), "PERS"))
    for p in record.get("places", ()):
        for a in p["aliases"]:
            ws = _trim(_words(a), settle)
            # a description ending on a known place names that place (العاصمة السورية دمشق → دمشق)
            at = next((k for k, w in enumerate(ws) if k and known(w)), None)
            if at is not None and all(plain(w) for w in ws[:at]):
                ws = ws[at:]
            if ws and not generic(ws):
                out.add(Alias(tuple(ws), "LOC"))
    for e in record.get("actors", ()):
        if e.get("category") not in ORG_CATEGORIES:
            continue
        for a in e["aliases"]:
            ws = _words(a)
            if not ws:
                continue
            if (len(ws) == 1 and known(ws[0])) or " ".join(ws) in states \
                    or " ".join([strip_article(ws[0]), *ws[1:]]) in states:
                out.add(Alias(tuple(ws), "LOC"))
            elif not generic(ws):
                out.add(Alias(tuple(ws), "ORG"))
    return sorted(out, key=lambda x: (-len(x.words), x.words, x.cls))


def tokens(text: str) -> list[list[str]]:
    """The sentences of ``text`` as token lists: rasd's words and every mark between them."""
    out = []
    for s, e in split_sentences(text):
        sent = text[s:e]
        toks: list[str] = []
        pos = 0
        for t in tokenize(sent):
            toks += [c for c in sent[pos:t.start] if not c.isspace() and not is_mark(c) and c not in _SILENT]
            toks.append(sent[t.start:t.end])
            pos = t.end
        toks += [c for c in sent[pos:] if not c.isspace() and not is_mark(c) and c not in _SILENT]
        if toks:
            out.append(toks)
    return out


def _same(key: str, w: str, first: bool) -> bool:
    """Token ``key`` reads as alias word ``w`` (the first word of a name may carry proclitics)."""
    if key == w or strip_article(key) == strip_article(w):
        return True
    if first:
        bare = without_article(w)
        return any(s == bare for _, s in readings(key))
    return False


def project(sent: Sequence[str], names: Sequence[Alias]) -> Sentence:
    """BIO tags of one token list: the longest alias at each place, left to right."""
    keys = [fold_str(t) for t in sent]
    tags = ["O"] * len(sent)
    i = 0
    while i < len(keys):
        for a in names:
            n = len(a.words)
            if i + n <= len(keys) and all(_same(keys[i + k], a.words[k], k == 0) for k in range(n)):
                tags[i] = "B-" + a.cls
                for k in range(1, n):
                    tags[i + k] = "I-" + a.cls
                i += n
                break
        else:
            i += 1
    return list(zip(sent, tags))


def domain_sentences(records: Iterable[tuple[str, str, dict]], lex: Lexicons, common: frozenset[str],
                     guard: HeldOutGuard, states: frozenset[str] = frozenset()) -> DomainData:
    """BIO sentences of train ``records`` (doc_id, text, gold object), minus any that shares text
    with ``guard``'s held-out text and any already taken from another report (boilerplate)."""
    data = DomainData()
    seen: set[str] = set()
    for doc_id, text, gold in records:
        names = aliases(gold, lex, common, states)
        for toks in tokens(text):
            if guard.seen(toks):
                data.dropped += 1
                continue
            k = _letters(toks)
            if k in seen:
                data.repeats += 1
                continue
            seen.add(k)
            data.sentences.append((doc_id, project(toks, names)))
    return data


def held_out_guard(texts: Iterable[str], *extra: list[Sentence]) -> HeldOutGuard:
    """Fingerprints of held-out report texts (each read as its sentences) and sentence lists."""
    groups = [[[(t, "O") for t in toks] for toks in tokens(x)] for x in texts]
    return HeldOutGuard.of_sentences(*groups, *extra)


def _gold_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.jsonl")) if folder.is_dir() else []


def train_records(annotations: Path) -> list[tuple[str, str, dict]]:
    """(doc_id, text, gold object) of every report of ``annotations``/train (never test)."""
    from rasd.eval.gold import load_gold

    return [(r.doc_id, r.text(), r.data) for f in _gold_files(annotations / "train") for r in load_gold(f)]


def project_guard(annotations: Path, corpus: Path | None, ner) -> HeldOutGuard:
    """The guard of everything domain training must not see: the texts of ``annotations``/test and
    /valid (rasd.kb.heldout.HELD_OUT_PARTS), of seed and dev under ``corpus`` (../shared/corpus) and the CAMeL test half (``ner``, a
    :class:`rasd.ner.corpus.TrainingData`).  The texts are only fingerprinted, never kept."""
    from rasd.eval.gold import load_gold

    from rasd.kb.heldout import HELD_OUT_PARTS

    files = [f for part in HELD_OUT_PARTS for f in _gold_files(annotations / part)]
    if corpus is not None:
        files += [p for p in (corpus / "seed" / "gold.jsonl", corpus / "dev" / "gold.jsonl") if p.is_file()]
    texts = (r.text() for f in files for r in load_gold(f))
    return held_out_guard(texts, ner.split.test, ner.split.test_rebuilt)
