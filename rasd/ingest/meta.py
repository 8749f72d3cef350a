"""Publication metadata of a report: the date check every entry point shares, and sidecars.

A report's metadata comes from, in order: what the caller gives (``--published``/``--outlet``,
a JSON record's fields), a sidecar beside the file (an ``index.jsonl`` in its folder whose
lines name it by ``text_file`` or ``doc_id``, or ``NAME.json`` beside ``NAME.txt``), and what
the format carries (HTML ``<meta>`` via trafilatura, feed entry dates, WARC/HTTP headers).

Dates are ISO ``YYYY-MM-DD`` (a time may follow: ``2015-07-24T10:00:00``, ``2015-07-24 10:00``);
anything else (``14/03/2026``, ``2019-5-2``) is refused with an :class:`InputError` rather than
stored, since a garbled date silently breaks merging and every export.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from rasd.errors import InputError

# The years a news report can be published in: older or later dates are typos or overflows.
MIN_YEAR, MAX_YEAR = 1900, 2100
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.+\-Z]*)?$")
INDEX_NAME = "index.jsonl"
# Fields a sidecar may give (anything else in it, such as gold annotations, is ignored).
FIELDS = ("doc_id", "published", "outlet", "url", "title")


def check_published(value: object, what: str = "published") -> str | None:
    """``value`` as ``YYYY-MM-DD`` (None/empty stays None); InputError when it is no such date."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError(f"{what} must be a date string YYYY-MM-DD, not {type(value).__name__}",
                         hint="Write the publication date as YYYY-MM-DD, e.g. 2015-07-24.")
    value = value.strip()
    if not value:
        return None
    m = _ISO.match(value)
    shown = value if len(value) <= 40 else value[:40] + "…"
    shown = shown.encode("utf-8", "backslashreplace").decode("utf-8")
    if not m:
        raise InputError(f"{what} {shown!r} is not a YYYY-MM-DD date",
                         hint="Write the publication date as YYYY-MM-DD, e.g. 2015-07-24.")
    try:
        day = dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError as e:
        raise InputError(f"{what} {shown!r} is not a calendar date ({e})",
                         hint="Write the publication date as YYYY-MM-DD, e.g. 2015-07-24.") from None
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise InputError(f"{what} {shown!r} is outside {MIN_YEAR}–{MAX_YEAR}",
                         hint="Check the year: write the date as YYYY-MM-DD, from 1900 to 2100.")
    return day.isoformat()


def _strings(obj: dict) -> dict:
    return {k: obj[k].strip() for k in FIELDS if isinstance(obj.get(k), str) and obj[k].strip()}


def read_index(path: Path) -> dict[str, dict]:
    """An ``index.jsonl``: file name (relative to its folder) → metadata.

    Lines name their file by ``text_file`` (a path; its last part is matched in the folder) or
    by ``doc_id`` (``<doc_id>.txt``/``.html``).  Unreadable lines are skipped: the index is
    metadata about inputs, not an input.
    """
    out: dict[str, dict] = {}
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return out
    for line in lines:
        try:
            obj = json.loads(line)
        except ValueError:
            continue
        if not isinstance(obj, dict):
            continue
        meta = _strings(obj)
        names = []
        if isinstance(obj.get("text_file"), str):
            names.append(Path(obj["text_file"]).name)
        if meta.get("doc_id"):
            names += [meta["doc_id"] + ext for ext in (".txt", ".html", ".htm")]
        for n in names:
            out.setdefault(n, meta)
    return out


def is_index(path: Path) -> bool:
    return path.name == INDEX_NAME


def is_annotation_file(path: Path) -> bool:
    """JSON lines that describe files (each line has ``text_file``, none has text): an index or a
    gold file, never reports."""
    if path.suffix.lower() not in (".jsonl", ".ndjson"):
        return False
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            first = next((ln for ln in f if ln.strip()), "")
        obj = json.loads(first)
    except (OSError, ValueError):
        return False
    return (isinstance(obj, dict) and isinstance(obj.get("text_file"), str)
            and not any(isinstance(obj.get(k), str) for k in ("text", "content", "html")))


def sidecar_json(path: Path) -> dict | None:
    """``NAME.json`` beside ``NAME.txt``/``NAME.html``: its metadata, or None when there is none."""
    side = path.with_suffix(".json")
    if side == path or not side.is_file():
        return None
    try:
        obj = json.loads(side.read_text(encoding="utf-8", errors="replace"))
    except (OSError, ValueError):
        return None
    if not isinstance(obj, dict) or any(isinstance(obj.get(k), str) for k in ("text", "content", "html")):
        return None
    return _strings(obj)


def is_sidecar(path: Path) -> bool:
    """A ``.json`` that is the metadata of a report file beside it (same name, .txt/.html)."""
    if path.suffix.lower() != ".json":
        return False
    return any(path.with_suffix(ext).is_file() for ext in (".txt", ".html", ".htm")) and \
        sidecar_json(path.with_suffix(".txt") if path.with_suffix(".txt").is_file()
                     else path.with_suffix(".html") if path.with_suffix(".html").is_file()
                     else path.with_suffix(".htm")) is not None
