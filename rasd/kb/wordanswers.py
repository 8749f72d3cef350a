"""The answers of the per-word caches, precomputed at install: a run's first meeting with a word
of the news is then a table hit instead of working the word out.

A worker meets most words of a report for the first time early in a run, and each per-word cache
works each one out once.  The tables hold the answers of the caches whose miss costs most (2-3
microseconds a word, measured): the mention index's word classes, the NER gate's word answers and
the event lexicon's word-list look-ups.  The cheaper ones (clitic readings, the gazetteer's
canonical keys, about 1.3 microseconds) are left out: their tables were most of the file's size
and memory for a tenth of the time saved.  `rasd data install` runs the pipeline over a
sample of the news with every such cache *recording* what it works out (:class:`WordAnswers`
with ``record=True``) and writes the answers, per cache, to ``word_answers.marshal`` in the data
folder.  A Resources loads the file once and hands each cache its table; a cache asks its table
on a miss before it computes (:func:`rasd.caches.tabled`).

An answer is a pure function of its word and of what the cache was built from (the code, the
knowledge files, the installed data), so each table of the file carries a fingerprint of all
three: the modules whose code runs while its part is built and its answers are worked out, and
the knowledge files its part reads (both found at install by watching the code run,
rasd.kb.answerdeps; the file lists them per table), and every installed file the pipeline reads
(not this table, not the NER word table, not the install record).  A change elsewhere (the
argument code, the worthiness rules) leaves the tables in use, and a change to the event lexicon
leaves the mention index's; a table without the list (a hand-planted one) covers every module
and knowledge file.  A Resources uses a table only when the fingerprint it computes now is the
table's, and only when none of its parts was handed in (``Resources.provide``: toy lexicons in
tests); a stale table, or a missing or unreadable file, is ignored (the words are then worked out
as before), never read as a wrong answer.  The output is the same with or without the tables;
only the time differs.

Why :mod:`marshal`: the answers are plain tuples, strings, ints, booleans and frozensets, which
marshal writes and reads several times faster than pickle and without running any code on load;
equal objects written once are read back shared (the caches' interned answers stay shared).
"""
from __future__ import annotations

import hashlib
import marshal
from collections.abc import Callable, Iterable
from pathlib import Path

FILENAME = "word_answers.marshal"
SAMPLE_ARTICLES = 3000   # news articles the pipeline runs over at install, recording
MIN_ARTICLES = 2         # a word's answer is kept when it was asked in this many of them
_FORMAT = 3   # (format, {table name: (dependencies, fingerprint, table)})
# installed files no answer depends on (the table itself, the NER word table: derived, and read
# only by the NER tagger, which checks its own fingerprint; the install record: written after)
_NOT_INPUTS = frozenset({FILENAME, "ner_words.npz", "installed.json", "NOTICE"})


class WordAnswers:
    """Tables of precomputed answers, one per cache name.

    With ``record`` (install), the caches are asked to keep nothing and every answer they work out
    goes into the tables, with the number of articles (:meth:`next_article`) it was asked in: the
    words kept are those asked in at least ``min_articles`` of them (:meth:`frequent`)."""

    def __init__(self, tables: dict[str, dict] | None = None, record: bool = False, tracer=None):
        self.tables: dict[str, dict] = tables if tables is not None else {}
        self.record = record
        self.tracer = tracer   # recording: traces each answer's first working out (rasd.kb.answerdeps)
        self._article = 0
        self._seen: dict[str, dict] = {}   # recording: name → key → [articles asked in, last article]

    def __repr__(self) -> str:
        return f"WordAnswers({sum(map(len, self.tables.values())):,} answers, record={self.record})"

    def miss(self, name: str, compute: Callable) -> Callable:
        """``compute`` for the misses of the cache ``name``: its table asked first; ``compute``
        itself when there is no table. Recording: ``compute`` keeping every answer and counting it."""
        from rasd.caches import tabled

        if not self.record:
            return tabled(compute, self.tables.get(name))
        table = self.tables.setdefault(name, {})
        seen = self._seen.setdefault(name, {})

        tracer = self.tracer

        def recording(key):
            n = seen.get(key)
            if n is None and tracer is not None:
                got = table[key] = tracer.run(name, compute, key)
            else:
                got = table[key] = compute(key)
            if n is None:
                seen[key] = [1, self._article]
            elif n[1] != self._article:
                n[0] += 1
                n[1] = self._article
            return got
        return recording

    def cached(self, name: str, compute: Callable, size: int) -> Callable:
        """An ``lru_cache`` of ``size`` over :meth:`miss`; recording, no cache (every ask is counted)."""
        from functools import lru_cache

        if self.record:
            return self.miss(name, compute)
        return lru_cache(maxsize=size)(self.miss(name, compute))

    def next_article(self) -> None:
        """Recording: the asks from now on are another article's."""
        self._article += 1

    def frequent(self, min_articles: int) -> dict[str, dict]:
        """Recording: the tables of the keys asked in at least ``min_articles`` articles."""
        return {name: {k: v for k, v in table.items() if self._seen[name][k][0] >= min_articles}
                for name, table in self.tables.items()}


def fingerprint(data_dir: Path, knowledge_dir: Path, deps: dict | None = None, code_root: Path | None = None,
                digests: dict | None = None) -> str:
    """A digest of what a table's answers depend on: the code files and knowledge files listed in
    ``deps`` (rasd.kb.answerdeps.Tracer.dependencies; None: every module and knowledge file) and the
    installed files the pipeline reads (see the module docstring). ``code_root``: the package
    (tests); ``digests``: a file → digest memo shared by the tables of one file (each file read once)."""
    from rasd.kb.answerdeps import package_root

    h = hashlib.sha256(f"format {_FORMAT}\n".encode())
    root = Path(code_root) if code_root is not None else package_root()
    kdir = Path(knowledge_dir)
    memo = digests if digests is not None else {}

    def files(label: str, paths: Iterable[Path], base: Path) -> None:
        for p in sorted(paths):
            d = memo.get(p)
            if d is None:
                d = memo[p] = hashlib.sha256(p.read_bytes()).digest() if p.is_file() else b"(missing)"
            h.update(f"\n{label} {p.relative_to(base).as_posix()}\n".encode())
            h.update(d)

    if deps is None:
        files("code", root.rglob("*.py"), root)
        files("knowledge", kdir.glob("*.yaml"), kdir)
    else:
        files("code", (root / f for f in deps["code"]), root)
        files("knowledge", (kdir / f"{stem}.yaml" for stem in deps["knowledge"]), kdir)
    files("data", (p for p in Path(data_dir).iterdir() if p.is_file() and p.name not in _NOT_INPUTS
                   and not p.name.endswith(".tmp")), Path(data_dir))
    return h.hexdigest()


def _read(data_dir: Path) -> dict[str, tuple] | None:
    """name → (dependencies, fingerprint, table) of the installed file; None when missing or unreadable."""
    try:
        form, parts = marshal.loads((Path(data_dir) / FILENAME).read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None
    if form != _FORMAT or not isinstance(parts, dict) or not all(
            isinstance(v, tuple) and len(v) == 3 and isinstance(v[2], dict) for v in parts.values()):
        return None
    return parts


def _current(data_dir: Path, knowledge_dir: Path) -> tuple[dict[str, dict], int]:
    """(the installed tables whose fingerprint is today's, how many tables the file holds)."""
    parts = _read(data_dir) or {}
    digests: dict = {}
    return ({name: table for name, (deps, fp, table) in parts.items()
             if fp == fingerprint(data_dir, knowledge_dir, deps, digests=digests)}, len(parts))


def load(data_dir: Path, knowledge_dir: Path) -> WordAnswers:
    """The installed tables whose fingerprint is today's (each table has its own: a change to the
    event lexicon's code leaves the mention index's answers in use); the others are left out."""
    return WordAnswers(_current(data_dir, knowledge_dir)[0])


def save(path: Path, fp: str | dict[str, str], tables: dict[str, dict], deps: dict | None = None) -> None:
    """Write the tables, each with its fingerprint and the dependencies it covers: ``fp`` and
    ``deps`` by table name, or one fingerprint over everything (``deps`` None) for all."""
    fps = fp if isinstance(fp, dict) else dict.fromkeys(tables, fp)
    deps = deps if deps is not None else dict.fromkeys(tables)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(marshal.dumps((_FORMAT, {n: (deps[n], fps[n], t) for n, t in tables.items()})))
    tmp.replace(path)


def build(data_dir: Path, news_dir: Path, limit: int = SAMPLE_ARTICLES, skip=None) -> dict:
    """Run the pipeline over ``limit`` news articles with every cache recording, and write the
    answers into the data folder ``data_dir`` (see the module docstring); ``skip``: the held-out
    reports (rasd.kb.heldout; default: read beside ``news_dir``)."""
    import time

    from rasd.errors import RasdError
    from rasd.kb.answerdeps import OUTSIDE, Tracer
    from rasd.kb.resources import PARTS, Resources
    from rasd.ner.clusters import news_texts
    from rasd.pipeline import Pipeline

    t0 = time.process_time()
    out = Path(data_dir) / FILENAME
    out.unlink(missing_ok=True)    # not read while recording, nor left stale on a failure
    texts = list(news_texts(Path(news_dir), limit, skip))
    if not texts:
        return {"word answers": 0}
    res = Resources(data_dir)
    tracer = Tracer()
    recorder = WordAnswers(record=True, tracer=tracer)
    res.provide(word_answers=recorder)
    # every part built now, traced (the stages ask for some only when they first read a document)
    tracer.run(OUTSIDE, lambda: [getattr(res, part) for part in PARTS])
    pipe = tracer.run(OUTSIDE, Pipeline.build, res)
    for text in texts:
        recorder.next_article()
        try:
            pipe.run(text)
        except RasdError:
            continue
    tables = recorder.frequent(MIN_ARTICLES)
    if not any(tables.values()):
        return {"word answers": 0}
    # each table depends on its part (and the parts it reaches) and on its own answers' code
    deps = {name: tracer.dependencies([name.split(".")[0], name]) for name in tables}
    digests: dict = {}
    save(out, {name: fingerprint(data_dir, res.knowledge_dir, d, digests=digests) for name, d in deps.items()},
         tables, deps)
    traced = [d for d in deps.values() if d is not None]   # none when the tracer ran blind
    return {"word answers": sum(map(len, tables.values())),
            **({"word answers modules": len(set().union(*(d["code"] for d in traced))),
                "word answers knowledge files": len(set().union(*(d["knowledge"] for d in traced)))}
               if traced else {"word answers fingerprinted over everything (another profiler was on)": 1}),
            "word answers CPU seconds": round(time.process_time() - t0)}


def stale(data_dir: Path, knowledge_dir: Path) -> bool:
    """Whether the installed file is missing, or some table of it no longer matches what its
    answers depend on (install then builds them all again)."""
    current, held = _current(data_dir, knowledge_dir)
    return held == 0 or len(current) < held


def dependencies(data_dir: Path) -> dict[str, dict | None]:
    """Table name → the code and knowledge files its fingerprint covers (None: all); {} without a file."""
    return {name: deps for name, (deps, _, _) in (_read(data_dir) or {}).items()}
