"""The one reader of the unlabelled news corpora that install learns and counts from.

``root`` is the shared data folder: ``news/`` holds the SaudiNewsNet zips (each member a JSON array
of articles), ``news2/`` the Al Mayadeen JSON Lines shards.  Article bodies come in a fixed order
(files sorted, a zip's members sorted, a shard's lines in order) and never one of the project's
held-out reports (rasd.kb.heldout): the given-name miner (rasd.kb.names), the word clusters and
the NER word table (rasd.ner.clusters), and the word
answers (rasd.kb.wordanswers) all read through :func:`articles`.
"""
from __future__ import annotations

import gzip
import json
import zipfile
from collections.abc import Iterator, Sequence
from pathlib import Path

from rasd.kb.heldout import HeldOut

CORPORA = ("news", "news2")


def _sampled(items: list, every: int, per: int | None) -> list:
    """Every ``every``-th item; with ``per``, then at most ``per`` of those spread evenly."""
    items = items[::every]
    if per is not None:
        items = items[::max(1, len(items) // per)][:per]
    return items


def _files(root: Path, corpora: Sequence[str]) -> list[tuple[str, Path]]:
    globs = {"news": "*.zip", "news2": "*.jsonl.gz"}
    return [(c, p) for c in corpora if c in globs and (root / c).is_dir()
            for p in sorted((root / c).glob(globs[c]))]


def articles(root: Path, corpora: Sequence[str] = CORPORA, every: int = 1, limit: int | None = None,
             skip: HeldOut | None = None) -> Iterator[str]:
    """Article bodies (an absent body is "") of ``corpora`` under ``root``, in a fixed order.

    ``every``: every ``every``-th article of each zip member or shard.  ``limit``: about that many
    articles spread over the files (each file gives at most ``limit // files``, evenly spaced over
    it).  ``skip``: the held-out reports to leave out (default: rasd.kb.heldout.held_out(root),
    read only when some file is there; install reads it once and hands it in)."""
    from rasd.kb.heldout import held_out

    root = Path(root)
    files = _files(root, corpora)
    if not files:
        return
    if skip is None:
        skip = held_out(root)
    per = max(1, limit // len(files)) if limit is not None else None
    for corpus, path in files:
        if corpus == "news":
            with zipfile.ZipFile(path) as zf:
                for member in sorted(zf.namelist()):
                    for art in _sampled(json.loads(zf.read(member)), every, per):
                        if (text := art.get("content") or "") not in skip:
                            yield text
            continue
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            # streamed line by line unless a limit needs the shard's length
            lines = (line for k, line in enumerate(fh) if k % every == 0) if per is None \
                else _sampled(fh.readlines(), every, per)
            for line in lines:
                if (text := json.loads(line).get("content") or "") not in skip:
                    yield text
