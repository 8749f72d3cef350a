"""`rasd data install | status`: build and inspect the installed data (gazetteer, given names)."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table

data_app = typer.Typer(help="Install and inspect rasd's data (gazetteer, given names).", no_args_is_help=True)


@data_app.command("install")
def install_cmd(
    source: Optional[Path] = typer.Option(None, "--from", help="A local copy of the data (holds geo/ and ner/), "
                                                             "e.g. ../shared/data. Without it, download."),
    force: bool = typer.Option(False, "--force", help="Rebuild even when nothing changed."),
    mirror: Optional[str] = typer.Option(None, "--mirror", help="Download from this copy of "
                                         "raw.githubusercontent.com (owner/repo/commit/path) instead."),
) -> None:
    """Build the gazetteer, the given-name list, word clusters, the NER model and (with --from,
    from the gold beside it) the event decision model into the data folder (RASD_DATA_DIR).

    Without --from, every file is downloaded from a URL pinned to a commit and checked against
    the SHA-256 of the verified copy.
    """
    from rasd.cli.ingest import progress_bar
    from rasd.kb.install import install, steps
    from rasd.settings import data_dir

    console = Console(stderr=True)
    with progress_bar(console) as bar:
        task = bar.add_task("installing", total=steps(source))

        def step(name: str) -> None:
            bar.update(task, description=name)
            bar.advance(task)

        record = install(source, force=force, progress=step, mirror=mirror)
    verb = "already up to date" if record.get("unchanged") else "installed"
    table = Table(title=f"rasd data {verb} in {data_dir()}", show_header=False)
    for k, v in record["counts"].items():
        table.add_row(k, f"{v:,}")
    Console().print(table)


@data_app.command("status")
def status_cmd() -> None:
    """Show what is installed, from which sources."""
    from rasd.kb.install import status
    from rasd.settings import data_dir

    record = status()
    console = Console()
    if record is None:
        console.print(f"nothing installed in {data_dir()} — run `rasd data install --from ../shared/data`")
        raise typer.Exit(1)
    table = Table(title=f"rasd data in {data_dir()} (rasd {record['rasd']}, from {record['from']})")
    table.add_column("item")
    table.add_column("value", justify="right")
    for k, v in record["counts"].items():
        table.add_row(k, f"{v:,}")
    for path, digest in record["inputs"].items():
        table.add_row(path, digest[:12])
    console.print(table)


def register(app) -> None:
    app.add_typer(data_app, name="data")
