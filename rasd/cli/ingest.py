"""CLI commands over the store: ``ingest``, ``events``, ``quarantine``, ``export``."""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from rasd.errors import InputError

DbOption = typer.Option(None, "--db", help="SQLite database (default: the user data directory, or $RASD_DB).")


def progress_bar(console: Console) -> Progress:
    """A bar with a count, a total (when known) and an ETA, on standard error; gone when done."""
    return Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(), console=console,
                    transient=True)


def _json_line(obj) -> str:
    """One JSON object, Arabic as Arabic (never \\u escapes)."""
    return json.dumps(obj, ensure_ascii=False)


def _as_worker():
    """Set this process up as the one extraction worker of an ingest, as a pool worker is set up
    (rasd.batch.warm.warm_up: the pipeline loaded, then frozen out of the collector's reach with a
    higher young-generation threshold, rasd/runtime.py): that spares it the collections that walk
    the loaded knowledge again and again (4.4 % of the CPU time of 200 articles in
    ``bench/profile_stages.py --no-gc-tuning``). Returns what puts the collector back as it was."""
    import gc

    from rasd.batch.warm import warm_up

    previous = gc.get_threshold()
    warm_up()

    def restore() -> None:
        gc.unfreeze()
        gc.set_threshold(*previous)

    return restore


def ingest_cmd(sources: list[str] = typer.Argument(..., help="Files, directories, URLs, feeds, WARC, JSONL or zip."),
               db: Optional[Path] = DbOption,
               workers: int = typer.Option(1, "--workers", "-w", help="Extraction processes (0: all cores)."),
               batch: int = typer.Option(200, "--batch", help="Reports per transaction."),
               published: Optional[str] = typer.Option(
                   None, "--published", help="Publication date YYYY-MM-DD of reports whose source gives none "
                                             "(plain text without a sidecar)."),
               outlet: Optional[str] = typer.Option(None, "--outlet", help="Outlet of reports whose source names none."),
               allow_private: bool = typer.Option(False, "--allow-private",
                                                  help="Let URL sources reach loopback and private addresses."),
               as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON.")) -> None:
    """Read every SOURCE into the store: idempotent, resumable, nothing dropped silently.

    Publication metadata comes from the source (JSON fields, HTML meta, feed and WARC headers) or
    a sidecar: an index.jsonl in the folder (lines with text_file or doc_id) or NAME.json beside
    NAME.txt; --published and --outlet fill what none of them gives.
    """
    from rasd.ingest.meta import check_published
    from rasd.ingest.run import Interrupted, ingest
    from rasd.ingest.sources import estimate
    from rasd.store import Store

    published = check_published(published, "--published")
    if batch < 1:
        raise InputError(f"--batch {batch} must be at least 1")
    console = Console(stderr=True)
    totals = [estimate(s) for s in sources]
    total = None if any(t is None for t in totals) else sum(totals)
    with Store(db) as store, progress_bar(console) as bar:
        task = bar.add_task("ingesting", total=total)

        def show(s) -> None:
            bar.update(task, completed=s.read,
                       description=f"stored {s.stored}  duplicates {s.duplicates}  quarantined {s.quarantined}")

        workers = workers or os.cpu_count() or 1
        restore = _as_worker() if workers == 1 else None
        try:
            summary = ingest(sources, store, workers=workers, batch=batch, progress=show,
                             defaults={"published": published, "outlet": outlet}, allow_private=allow_private)
        except Interrupted as e:
            bar.stop()
            s = e.summary
            console.print(f"interrupted: {s.stored} reports stored ({s.duplicates} duplicates, "
                          f"{s.quarantined} quarantined) of {s.read} read; rerun the same command to resume")
            raise typer.Exit(130) from None
        finally:
            if restore:
                restore()
    if as_json:
        typer.echo(_json_line(summary.to_json()))
        return
    out = Console()
    out.print(f"read {summary.read}, stored {summary.stored}, skipped as duplicate {summary.duplicates}, "
              f"quarantined {summary.quarantined}")
    for reason, n in sorted(summary.reasons.items()):
        out.print(f"  quarantined as {reason}: {n}")
    for w in summary.warnings:
        console.print(f"warning: {w}")
    out.print(f"{summary.elapsed:.1f} s, {summary.per_second:.1f} reports/s")


def _filter(type_=None, actor=None, person=None, place=None, bbox=None, since=None, until=None, source=None,
            text=None, limit=None):
    from rasd.store import EventFilter, parse_bbox
    from rasd.store.store import check_filter

    return check_filter(EventFilter(type=type_, actor=actor, person=person, place=place, bbox=parse_bbox(bbox),
                                    date_from=since, date_to=until, source=source, text=text, limit=limit))


def events_cmd(db: Optional[Path] = DbOption,
               type_: Optional[str] = typer.Option(None, "--type", help="Event type, e.g. AIRSTRIKE (any case)."),
               actor: Optional[str] = typer.Option(None, "--actor", help="Actor kb_id, name or alias (داعش), or "
                                                   "part of its name."),
               person: Optional[str] = typer.Option(None, "--person", help="Person kb_id, name or alias, or part of "
                                                    "the name."),
               place: Optional[str] = typer.Option(None, "--place", help="Place kb_id or part of its name (Arabic "
                                                   "spelling variants match: إدلب = ادلب; an English "
                                                   "name finds the gazetteer's namesakes: Idlib = Idleb)."),
               bbox: Optional[str] = typer.Option(None, "--bbox", help="WEST,SOUTH,EAST,NORTH"),
               since: Optional[str] = typer.Option(None, "--from", help="First date (YYYY-MM-DD)."),
               until: Optional[str] = typer.Option(None, "--to", help="Last date (YYYY-MM-DD)."),
               source: Optional[str] = typer.Option(None, "--source", help="Outlet name or part of a URL."),
               text: Optional[str] = typer.Option(None, "--text", help="Full-text query over report text (FTS5)."),
               limit: int = typer.Option(100, "--limit", min=0, help="At most this many events (0: all)."),
               as_json: bool = typer.Option(False, "--json", help="One merged export record per line.")) -> None:
    """List stored events (merged across reports) matching the filters."""
    from rasd.store import Store

    f = _filter(type_, actor, person, place, bbox, since, until, source, text, limit or None)
    with Store(db) as store:
        if as_json:
            for rec in store.records(f):
                typer.echo(_json_line(rec))
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
            typer.echo(_json_line(r))
        return
    table = Table("source", "reason", "message", "time")
    for r in rows:
        table.add_row(r["source"], r["reason"], r["message"], r["time"])
    Console().print(table)
    Console(stderr=True).print(f"{len(rows)} quarantined")


def export_cmd(fmt: str = typer.Option(..., "--format", "-f", help="acled-csv, geojson, plover-jsonl or jsonl."),
               out: Optional[Path] = typer.Option(None, "--out", "-o", help="Output file (default: standard output)."),
               db: Optional[Path] = DbOption,
               type_: Optional[str] = typer.Option(None, "--type", help="Event type, e.g. AIRSTRIKE."),
               since: Optional[str] = typer.Option(None, "--from", help="First date (YYYY-MM-DD)."),
               until: Optional[str] = typer.Option(None, "--to", help="Last date (YYYY-MM-DD)."),
               source: Optional[str] = typer.Option(None, "--source", help="Outlet name or part of a URL."),
               all_modalities: bool = typer.Option(
                   False, "--all-modalities", help="Also export planned, negated and conditional events "
                                                   "(their modality goes to tags/properties).")) -> None:
    """Write the stored (merged) events in a format other tools read.

    Only asserted events are exported unless --all-modalities; the summary on standard error
    says how many were written and how many have no coordinates or no date.
    """
    from rasd.export import EXPORTERS
    from rasd.export.select import Tally, select
    from rasd.store import Store

    if fmt not in EXPORTERS:
        raise InputError(f"unknown export format {fmt!r}", hint="Use one of: " + ", ".join(sorted(EXPORTERS)))
    f = _filter(type_, None, None, None, None, since, until, source)
    console = Console(stderr=True)
    tally = Tally()
    with Store(db) as store, progress_bar(console) as bar:
        ids = store.merged_ids(f)
        task = bar.add_task("exporting", total=len(ids))

        def counted(records):
            for rec in records:
                bar.advance(task)
                yield rec

        records = select(counted(store.records_of(ids)), tally, include_unasserted=all_modalities)
        if out is None:
            n = EXPORTERS[fmt].write(records, sys.stdout)
        else:
            with out.open("w", encoding="utf-8", newline="") as fh:
                n = EXPORTERS[fmt].write(records, fh)
    unit = "features" if fmt == "geojson" else "rows" if fmt == "acled-csv" else "lines"
    console.print(f"{tally.records} events exported ({n} {unit})")
    for line in tally.lines(fmt):
        console.print(f"  {line}")


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest_cmd)
    app.command("events")(events_cmd)
    app.command("quarantine")(quarantine_cmd)
    app.command("export")(export_cmd)
