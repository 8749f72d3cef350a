"""What the bench scripts share: the news articles in archive order and this process's memory.

Bench scripts run as ``python bench/NAME.py``, so this folder is on ``sys.path``."""
from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from itertools import islice
from pathlib import Path


def articles(news: Path) -> Iterator[dict]:
    """SaudiNewsNet articles (JSON arrays of source, url, date_extracted, title, content) in
    archive order: zips by name, members by name."""
    for path in sorted(news.glob("*.zip")):
        with zipfile.ZipFile(path) as z:
            for member in sorted(z.namelist()):
                if member.endswith(".json"):
                    yield from json.loads(z.read(member))


def rss_mb() -> float:
    """Current resident set size (Linux /proc), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def docs_before(pipe, stage: str, news: Path, start: int, stop: int) -> list:
    """Articles ``start``..``stop`` of ``news`` as Docs run through every stage of ``pipe`` before
    ``stage`` (the input that stage sees); an article a stage refuses (RasdError) is left out."""
    from rasd.doc import Doc
    from rasd.errors import RasdError
    from rasd.pipeline import run_stage

    names = [st.name for st in pipe.stages]
    before = pipe.stages[:names.index(stage)]
    docs = []
    for a in islice(articles(news), start, stop):
        doc = Doc(a.get("content") or "", outlet=a.get("source"), url=a.get("url"), title=a.get("title"))
        try:
            for st in before:
                doc = run_stage(st, doc)
        except RasdError:
            continue
        docs.append(doc)
    return docs
