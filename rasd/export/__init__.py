"""Exports of event records: ACLED CSV, GeoJSON, PLOVER JSON lines, plain JSON lines.

Every exporter takes flat records (:func:`records_from_document`, :func:`merge_records`) and has
``write(records, out) -> int`` returning how many rows, features or lines it wrote; some take
keyword options (``bom``/``timestamp`` for ACLED CSV, ``on_skip`` for GeoJSON).  Built-ins are
registered here, in one place (design §3); tests/unit/test_export_registry.py pins the list.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable, TextIO

from rasd.export import acled_csv, geojson, jsonl, plover
from rasd.export.records import ExportError, merge_records, records_from_document


@dataclass(frozen=True)
class Exporter:
    name: str
    write: Callable[..., int]       # write(records: Iterable[dict], out: TextIO, **options) -> int
    suffix: str                     # file name ending for ``rasd export -o``
    media_type: str                 # HTTP Content-Type for the API


EXPORTERS: dict[str, Exporter] = {
    e.name: e
    for e in (
        Exporter("acled-csv", acled_csv.write, ".csv", "text/csv; charset=utf-8"),
        Exporter("geojson", geojson.write, ".geojson", "application/geo+json"),
        Exporter("plover-jsonl", plover.write, ".plover.jsonl", "application/x-ndjson"),
        Exporter("jsonl", jsonl.write, ".jsonl", "application/x-ndjson"),
    )
}


def export(name: str, records: Iterable[dict], out: TextIO, **options) -> int:
    """Write ``records`` with the exporter registered as ``name``."""
    if name not in EXPORTERS:
        raise ExportError(f"unknown export format {name!r}",
                          hint=f"Choose one of: {', '.join(EXPORTERS)}.")
    return EXPORTERS[name].write(records, out, **options)


__all__ = ["EXPORTERS", "Exporter", "ExportError", "export", "merge_records", "records_from_document"]
