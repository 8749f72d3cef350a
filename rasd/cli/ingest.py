"""CLI commands over the store: ``ingest``, ``events``, ``quarantine``, ``export``."""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from rasd.errors import InputError

DbOption = typer.Option(None, "--db", help="SQLite database (default: the user data directory, or $RASD_DB).")


def ingest_cmd(sources: list[str] = typer.Argument(..., help="Files, directories, URLs, feeds, WARC, JSONL or zip."),
               db: Optional[Path] = DbOption,
               workers: int = typer.Option(1, "--workers", "-w", help="Extraction processes (0: all cores)."),
               batch: int = typer.Option(200, "--batch", help="Reports per transaction."),
               as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON.")) -> None:
    """Read every SOURCE into the store: idempotent, resumable, nothing dropped silently."""
    from rasd.ingest.run import ingest
    from rasd.store import Store

    console = Console(stderr=True)
    with Store(db) as store, Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                                      console=console, transient=True) as bar:
        task = bar.add_task("reading…")

        def show(s) -> None:
            bar.update(task, description=f"read {s.read}  stored {s.stored}  duplicates {s.duplicates}  "
                                         f"quarantined {s.quarantined}  ({s.per_second:.1f}/s)")

        summary = ingest(sources, store, workers=workers or os.cpu_count() or 1, batch=batch, progress=show)
    if as_json:
        typer.echo(json.dumps(summary.to_json(), ensure_ascii=False))
        return
    out = Console()
    out.print(f"read {summary.read}, stored {summary.stored}, skipped as duplicate {summary.duplicates}, "
              f"quarantined {summary.quarantined}")
    for reason, n in sorted(summary.reasons.items()):
        out.print(f"  quarantined as {reason}: {n}")
    out.print(f"{summary.elapsed:.1f} s, {summary.per_second:.1f} reports/s")


def events_cmd(db: Optional[Path] = DbOption,
               type_: Optional[str] = typer.Option(None, "--type", help="Event type, e.g. AIRSTRIKE."),
               actor: Optional[str] = typer.Option(None, "--actor", help="Actor kb_id or part of its name."),
               person: Optional[str] = typer.Option(None, "--person", help="Person kb_id or part of the name."),
               place: Optional[str] = typer.Option(None, "--place", help="Place kb_id or part of its name."),
               bbox: Optional[str] = typer.Option(None, "--bbox", help="WEST,SOUTH,EAST,NORTH"),
               since: Optional[str] = typer.Option(None, "--from", help="First date (YYYY-MM-DD)."),
               until: Optional[str] = typer.Option(None, "--to", help="Last date (YYYY-MM-DD)."),
               source: Optional[str] = typer.Option(None, "--source", help="Outlet name or part of a URL."),
               text: Optional[str] = typer.Option(None, "--text", help="Full-text query over report text (FTS5)."),
               limit: int = typer.Option(100, "--limit", help="At most this many events (0: all)."),
               as_json: bool = typer.Option(False, "--json", help="One merged export record per line.")) -> None:
    """List stored events (merged across reports) matching the filters."""
    from rasd.store import EventFilter, Store, parse_bbox

    f = EventFilter(type=type_, actor=actor, person=person, place=place, bbox=parse_bbox(bbox), date_from=since,
                    date_to=until, source=source, text=text, limit=limit or None)
    with Store(db) as store:
        if as_json:
            for rec in store.records(f):
                typer.echo(json.dumps(rec, ensure_ascii=False))
            return
        rows = store.event_rows(f)
    table = Table("id", "date", "type", "actors", "places", "fatalities", "reports", "sources")
    for r in rows:
        figures = "/".join(map(str, r["fatality_figures"]))
        table.add_row(str(r["id"]), r["date"] or "", r["type"], "; ".join(r["actors"]), "; ".join(r["places"]),
                      "" if r["fatalities"] is None else f"{r['fatalities']}" + (f" ({figures})" if len(r["fatality_figures"]) > 1 else ""),
                      str(len(r["reports"])), str(r["sources"]))
    Console().print(table)
    Console(stderr=True).print(f"{len(rows)} events")


def quarantine_cmd(db: Optional[Path] = DbOption,
                   reason: Optional[str] = typer.Option(None, "--reason", help="Only this reason code."),
                   limit: int = typer.Option(0, "--limit", help="At most this many rows (0: all)."),
                   as_json: bool = typer.Option(False, "--json", help="JSON lines.")) -> None:
    """List rejected inputs with their reason."""
    from rasd.store import Store

    with Store(db) as store:
        rows = store.quarantined(reason, limit or None)
    if as_json:
        for r in rows:
            typer.echo(json.dumps(r, ensure_ascii=False))
        return
    table = Table("source", "reason", "message", "time")
    for r in rows:
        table.add_row(r["source"], r["reason"], r["message"], r["time"])
    Console().print(table)
    Console(stderr=True).print(f"{len(rows)} quarantined")


def export_cmd(fmt: str = typer.Option(..., "--format", "-f", help="acled-csv, geojson, plover-jsonl or jsonl."),
               out: Optional[Path] = typer.Option(None, "--out", "-o", help="Output file (default: standard output)."),
               db: Optional[Path] = DbOption,
               type_: Optional[str] = typer.Option(None, "--type"),
               since: Optional[str] = typer.Option(None, "--from"),
               until: Optional[str] = typer.Option(None, "--to"),
               source: Optional[str] = typer.Option(None, "--source")) -> None:
    """Write the stored (merged) events in a format other tools read."""
    from rasd.export import EXPORTERS
    from rasd.store import EventFilter, Store

    if fmt not in EXPORTERS:
        raise InputError(f"unknown export format {fmt!r}", hint="Use one of: " + ", ".join(sorted(EXPORTERS)))
    f = EventFilter(type=type_, date_from=since, date_to=until, source=source)
    with Store(db) as store:
        if out is None:
            n = EXPORTERS[fmt].write(store.records(f), sys.stdout)
        else:
            with out.open("w", encoding="utf-8", newline="") as fh:
                n = EXPORTERS[fmt].write(store.records(f), fh)
    Console(stderr=True).print(f"{n} events written")


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest_cmd)
    app.command("events")(events_cmd)
    app.command("quarantine")(quarantine_cmd)
    app.command("export")(export_cmd)
