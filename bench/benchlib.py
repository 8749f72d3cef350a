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


def articles_forever(news: Path) -> Iterator[dict]:
    """:func:`articles`, read again from the start each time the archive ends.  Not
    ``itertools.cycle``, which keeps a copy of every article of its first pass (about 5 KB each):
    that list was the "worker growth" of about 3 MB per 1,000 articles that the memory runs of
    earlier rounds measured."""
    while True:
        yield from articles(news)


def rss_mb() -> float:
    """Current resident set size (Linux /proc), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def heap_mb() -> dict[str, float]:
    """Where this process's heap memory is, in MB: ``pymalloc`` (live blocks of Python's small-object
    allocator, objects of 512 bytes or less), and from glibc's ``mallinfo2`` ``malloc_used`` (live
    larger blocks: big dict and set tables, long lists and strings, numpy arrays), ``malloc_free``
    (freed but kept by malloc: what ``malloc_trim`` could give back) and ``mmapped`` (blocks malloc
    mapped on their own).  Telling them apart says whether RSS grows with live objects (and which
    size) or with the allocator's free lists.  Empty where glibc or CPython's stats are missing."""
    import ctypes
    import os
    import sys
    import tempfile

    out: dict[str, float] = {}
    with tempfile.TemporaryFile() as f:       # sys._debugmallocstats writes to the C stderr only
        saved = os.dup(2)
        try:
            sys.stderr.flush()
            os.dup2(f.fileno(), 2)
            sys._debugmallocstats()
        finally:
            os.dup2(saved, 2)
            os.close(saved)
        f.seek(0)
        for line in f.read().decode("utf-8", "replace").splitlines():
            if line.startswith("# bytes in allocated blocks"):
                out["pymalloc"] = int(line.split("=")[1].replace(",", "")) / 2**20

    class MallInfo2(ctypes.Structure):
        _fields_ = [(n, ctypes.c_size_t) for n in ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks",
                                                    "fsmblks", "uordblks", "fordblks", "keepcost")]
    try:
        libc = ctypes.CDLL("libc.so.6")
        libc.mallinfo2.restype = MallInfo2
        m = libc.mallinfo2()
    except (OSError, AttributeError):
        return out
    out.update(malloc_used=m.uordblks / 2**20, malloc_free=m.fordblks / 2**20, mmapped=m.hblkhd / 2**20)
    return out


def heap_line() -> str:
    """:func:`heap_mb` as one line of figures."""
    return "  ".join(f"{k} {v:.0f}" for k, v in heap_mb().items()) + " (MB)"


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
