"""What a SOURCE argument is and which reader reads it (one module per source kind)."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

from rasd.ingest import directory, feed, gz, html, jsonl, text, url, warc, zip
from rasd.ingest.records import TOO_LARGE, UNREADABLE, UNSUPPORTED, RawReport, Rejected

MAX_FILE_BYTES = 512 * 1024 * 1024
_META = ("doc_id", "published", "outlet", "url", "title")

Reader = Callable[[str, bytes], Iterator[RawReport | Rejected]]

# Readers of bytes by kind; url and directory read a location instead, see read_source.
KINDS: dict[str, Reader] = {
    "text": text.read, "html": html.read, "feed": feed.read, "warc": warc.read,
    "jsonl": jsonl.read, "zip": zip.read, "gzip": gz.read,
}

_SUFFIXES = {
    ".txt": "text", ".text": "text", ".md": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".rss": "feed", ".atom": "feed", ".xml": "feed",
    ".warc": "warc", ".arc": "warc",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl",
    ".zip": "zip",
}


def kind_of(name: str, data: bytes) -> str | None:
    """The kind by file name, else by the first bytes; None when rasd does not read it."""
    lower = name.lower()
    for compressed in (".warc.gz", ".arc.gz"):
        if lower.endswith(compressed):
            return "warc"
    if lower.endswith(".gz") or data[:2] == gz.MAGIC:
        # part-0000.jsonl.gz, page.html.gz: unpacked, then read by the inner name; a gzipped WARC
        # under another name is still a WARC (its first record says so)
        return "warc" if gz.is_warc(data) else "gzip"
    kind = _SUFFIXES.get(Path(lower.rsplit("!", 1)[-1]).suffix)
    if kind:
        return "html" if kind == "feed" and not feed.looks_like_feed(data) else kind
    head = data[:512].lstrip()
    if head.startswith(b"PK\x03\x04"):
        return "zip"
    if head.startswith(b"WARC/"):
        return "warc"
    if head.startswith(b"<"):
        return "feed" if feed.looks_like_feed(data) else "html"
    if head.startswith((b"{", b"[")):
        return "jsonl"
    if b"\x00" in data[:4096]:
        from rasd.ingest.encoding import utf16_order

        return "text" if utf16_order(data) else None
    return "text"


def read_bytes(name: str, data: bytes) -> Iterator[RawReport | Rejected]:
    kind = kind_of(name, data)
    if kind is None:
        yield Rejected(name, UNSUPPORTED, "not a file kind rasd reads (binary content)")
        return
    yield from KINDS[kind](name, data)


def with_meta(items: Iterator[RawReport | Rejected], found: dict | None) -> Iterator[RawReport | Rejected]:
    """Fill each report's missing metadata from ``found`` (a sidecar's or the caller's)."""
    if not found:
        yield from items
        return
    for item in items:
        if isinstance(item, RawReport):
            item = replace(item, **{k: v for k, v in found.items() if k in _META and getattr(item, k) is None})
        yield item


def read_file(path: Path, found: dict | None = None) -> Iterator[RawReport | Rejected]:
    """The reports of one file; ``found`` is its metadata (default: its sidecars)."""
    if found is None and path.exists():
        from rasd.ingest.directory import FolderMeta

        found = FolderMeta().of(path)
    yield from with_meta(_read_file(path), found)


def _read_file(path: Path) -> Iterator[RawReport | Rejected]:
    try:
        if not path.exists():
            yield Rejected(str(path), UNREADABLE, "a dangling symbolic link (its target does not exist)")
            return
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            yield Rejected(str(path), TOO_LARGE, f"{size} bytes; rasd reads files up to {MAX_FILE_BYTES}")
            return
        data = path.read_bytes()
    except OSError as e:
        yield Rejected(str(path), UNREADABLE, e.strerror or str(e))
        return
    yield from read_bytes(str(path), data)


def read_source(source: str, *, defaults: dict | None = None,
                allow_private: bool = False) -> Iterator[RawReport | Rejected]:
    """Every report (or rejected input) of one SOURCE: a URL, a directory or a file.

    ``defaults`` (``published``, ``outlet``) fill what neither the source nor a sidecar says;
    ``allow_private`` lets URLs reach loopback and private addresses (refused by default).
    """
    defaults = {k: v for k, v in (defaults or {}).items() if v is not None}
    if url.has_scheme(source):
        yield from with_meta(url.read(source, allow_private=allow_private), defaults)
        return
    path = Path(source)
    if path.is_dir():
        yield from with_meta(directory.read(path), defaults)
    elif path.exists():
        yield from with_meta(read_file(path), defaults)
    elif path.is_symlink():
        yield Rejected(source, UNREADABLE, "a dangling symbolic link (its target does not exist)")
    else:
        yield Rejected(source, UNREADABLE, "no such file, directory or URL")


def estimate(source: str) -> int | None:
    """About how many inputs SOURCE holds, cheaply (for a progress bar's total and ETA): a file
    per file, a line per JSON-lines line, a member per zip member; None for URLs and crawls."""
    if url.has_scheme(source):
        return None
    path = Path(source)
    if path.is_dir():
        from rasd.ingest.directory import is_metadata

        total = 0
        for p in path.rglob("*"):
            if any(part.startswith(".") for part in p.relative_to(path).parts):
                continue
            if p.is_symlink() and not p.exists():
                total += 1
            elif p.is_file() and not is_metadata(p):
                n = estimate(str(p))
                if n is None:
                    return None
                total += n
        return total
    try:
        lower = path.name.lower()
        if lower.endswith((".jsonl", ".ndjson")):
            with open(path, "rb") as f:
                return sum(1 for line in f if line.strip())
        if lower.endswith((".jsonl.gz", ".ndjson.gz")):
            return gz.count_lines(path)
        if lower.endswith(".zip"):
            import zipfile

            with zipfile.ZipFile(path) as z:
                return sum(1 for m in z.infolist() if not m.is_dir())
        if lower.endswith((".warc", ".warc.gz", ".arc", ".arc.gz", ".rss", ".atom", ".xml", ".json")):
            return None
    except (OSError, ValueError, EOFError):
        return 1
    return 1
