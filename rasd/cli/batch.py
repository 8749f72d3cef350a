"""``rasd batch`` (sharded inputs on a Dask cluster → a Parquet dataset) and ``rasd store import``."""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from rasd.errors import BatchError

DbOption = typer.Option(None, "--db", help="SQLite database (default: the user data directory, or $RASD_DB).")


def _need_batch_extra() -> None:
    try:
        import dask  # noqa: F401
        import distributed  # noqa: F401
        import pyarrow  # noqa: F401
    except ImportError as e:
        raise BatchError(f"rasd batch needs dask, distributed and pyarrow ({e.name} is missing)",
                         hint="Install the batch extra: pip install 'rasd[batch]'", code="R901") from None


def batch_cmd(inputs: list[str] = typer.Argument(..., help="News zips, JSONL(.gz) shards, WARC, folders, globs."),
              out: Path = typer.Option(..., "--out", "-o", help="Dataset folder (Parquet, partitioned by date)."),
              scheduler: Optional[str] = typer.Option(None, "--scheduler",
                                                      help="Address of a running Dask scheduler "
                                                           "(default: a LocalCluster on this machine)."),
              workers: int = typer.Option(0, "--workers", "-w", help="LocalCluster worker processes (0: all cores)."),
              data_dir: Optional[str] = typer.Option(None, "--data-dir",
                                                     help="Installed data on the workers (default: each "
                                                          "worker's RASD_DATA_DIR or user data dir)."),
              dashboard: Optional[str] = typer.Option(None, "--dashboard",
                                                      help="Serve the LocalCluster's Dask dashboard here, "
                                                           "e.g. :8787 (needs bokeh)."),
              no_merge: bool = typer.Option(False, "--no-merge", help="Skip the cross-report merge step."),
              as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON.")) -> None:
    """Extract sharded inputs on a Dask cluster into a Parquet dataset, then merge events across
    reports. A rerun skips shards already done; failed inputs go to the quarantine partition."""
    _need_batch_extra()
    if dashboard:
        try:
            import bokeh  # noqa: F401
        except ImportError:
            raise BatchError("the Dask dashboard needs bokeh, which is not installed",
                             hint="pip install 'bokeh>=3.1' (distributed's dashboard), or drop --dashboard: "
                                  "the progress bar shows the same counts", code="R902") from None
    from rasd.batch.runner import run_batch
    from rasd.batch.shards import plan

    shards = plan(inputs)   # a missing input fails here, before any cluster starts
    console = Console(stderr=True)
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=console, transient=True) as bar:
        task = bar.add_task("starting the cluster…", total=None)
        shown = []

        def show(s, phase: str) -> None:
            if s.dashboard and not shown:
                shown.append(s.dashboard)
                console.print(f"Dask dashboard (where the scheduler serves one): {s.dashboard}")
            if phase == "merge":
                bar.update(task, description="merging events across reports…")
                return
            bar.update(task, total=s.shards, completed=s.done_shards,
                       description=f"shards (read {s.read}, stored {s.stored}, quarantined {s.quarantined})")

        summary = run_batch(inputs, out, scheduler=scheduler, workers=workers or os.cpu_count() or 1,
                            data_dir=data_dir, merge=not no_merge, dashboard=dashboard, progress=show,
                            shards=shards)
    if as_json:
        typer.echo(json.dumps(summary.to_json(), ensure_ascii=False))
        return
    o = Console()
    o.print(f"{summary.shards} shards ({summary.skipped_shards} already done, {summary.failed_shards} failed): "
            f"read {summary.read}, stored {summary.stored}, duplicates {summary.duplicates}, "
            f"quarantined {summary.quarantined}")
    for reason, n in sorted(summary.reasons.items()):
        o.print(f"  quarantined as {reason}: {n}")
    o.print(f"{summary.events} events in {summary.merged} merged events → {out}")
    o.print(f"{summary.elapsed:.1f} s (cluster {summary.cluster_seconds:.1f} s, extraction "
            f"{summary.extract_seconds:.1f} s, merge {summary.merge_seconds:.1f} s), {summary.per_second:.1f} reports/s")


def import_cmd(dataset: Path = typer.Argument(..., help="A dataset folder written by `rasd batch`."),
               db: Optional[Path] = DbOption,
               as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON.")) -> None:
    """Load a `rasd batch` dataset into the SQLite store (idempotent: re-importing adds nothing)."""
    _need_batch_extra()
    from rasd.batch.importer import import_dataset
    from rasd.store import Store

    console = Console(stderr=True)
    with Store(db) as store, Progress(TextColumn("importing"), BarColumn(), MofNCompleteColumn(),
                                      TimeElapsedColumn(), console=console, transient=True) as bar:
        task = bar.add_task("import", total=None)
        summary = import_dataset(dataset, store,
                                 progress=lambda s, total: bar.update(
                                     task, total=total, completed=s.reports + s.sources + s.quarantined))
    if as_json:
        typer.echo(json.dumps(summary.to_json(), ensure_ascii=False))
        return
    Console().print(f"{summary.reports} reports ({summary.new} new), {summary.sources} more sources, "
                    f"{summary.quarantined} quarantined, {summary.elapsed:.1f} s")


def register(app: typer.Typer) -> None:
    app.command("batch")(batch_cmd)
    store = typer.Typer(help="The SQLite store: load datasets into it.", no_args_is_help=True)
    store.command("import")(import_cmd)
    app.add_typer(store, name="store")
