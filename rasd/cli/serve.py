"""CLI commands ``serve`` (the HTTP API and the web page, run by uvicorn) and ``corrections``
(analysts' corrections: list them, export them as gold for ``rasd eval``)."""
from __future__ import annotations

import ipaddress
import json
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console

from rasd.cli.ingest import DbOption

LOOPBACK_HOSTS = ["127.0.0.1", "localhost", "::1"]


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def serve_cmd(db: Optional[Path] = DbOption,
              host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (0.0.0.0: every "
                                       "interface; beyond loopback the page and API are open to the network)."),
              port: int = typer.Option(8000, "--port", min=1, max=65535, help="TCP port."),
              token: Optional[str] = typer.Option(None, "--token", envvar="RASD_TOKEN", show_envvar=True,
                                                  help="Token that analysts' corrections must send "
                                                       "(Authorization: Bearer TOKEN); without one, "
                                                       "corrections are refused."),
              max_body: int = typer.Option(4 * 2**20, "--max-body", min=1024, max=2**31,
                                           help="Largest request body accepted, in bytes."),
              allow_host: Optional[list[str]] = typer.Option(None, "--allow-host",
                                                             help="Host name the server answers to (repeatable); "
                                                                  "on loopback the default is localhost only."),
              workers: int = typer.Option(1, "--workers", min=1, max=64,
                                          help="Worker processes (each with its own connections): "
                                               "reads are CPU-bound, so more cores answer more clients.")) -> None:
    """Serve the API and the web page (map, report view, corrections) over the stored events."""
    from rasd.api.errors import MissingExtraError

    try:
        import uvicorn

        from rasd.api.app import create_app
    except ImportError as e:
        raise MissingExtraError(f"the API needs a package that is not installed ({e.name})") from e
    err = Console(stderr=True)
    loopback = is_loopback(host)
    # On loopback, a Host check stops DNS rebinding; beyond it, the names are the user's to give.
    hosts = (allow_host or None) if not loopback else [*LOOPBACK_HOSTS, *(allow_host or [])]
    app = create_app(db, token=token, max_body=max_body, allowed_hosts=hosts)
    if not loopback:
        err.print(f"warning: listening on {host}, beyond loopback: anyone who can reach this machine can read "
                  f"the events" + ("; corrections need the token" if token else "")
                  + ("" if allow_host else "; no Host check (give --allow-host NAME)"), markup=False)
    err.print(f"rasd: serving {app.state.store.path} at http://{host}:{port}/ (corrections "
              f"{'on, with the token' if token else 'off: no --token'}; Ctrl+C stops)", markup=False)
    if workers == 1:
        uvicorn.run(app, host=host, port=port, log_level="info")
        return
    # uvicorn starts each worker from an import string: the configuration travels in the environment
    import os

    from rasd.api import app as api_app

    os.environ[api_app.ENV_DB] = str(app.state.store.path)
    os.environ[api_app.ENV_MAX_BODY] = str(max_body)
    if hosts is not None:
        os.environ[api_app.ENV_HOSTS] = json.dumps(hosts)
    if token:
        os.environ[api_app.ENV_TOKEN] = token
    uvicorn.run("rasd.api.app:app_from_env", factory=True, workers=workers, host=host, port=port, log_level="info")


corrections_app = typer.Typer(help="Analysts' corrections made in the web page: list, export as gold.",
                              no_args_is_help=True)


@corrections_app.command("list")
def corrections_list(db: Optional[Path] = DbOption,
                     limit: int = typer.Option(50, "--limit", min=0, help="At most this many (0: all).")) -> None:
    """Print the corrections, newest first, as JSON lines."""
    from rasd.store import Store
    from rasd.store import corrections as corr

    with Store(db) as store:
        for c in corr.listed(store.conn, limit or None):
            typer.echo(json.dumps(c, ensure_ascii=False))


@corrections_app.command("export-gold")
def corrections_export_gold(out: Path = typer.Argument(..., help="Folder to write corrections/gold.jsonl "
                                                                 "and the texts it points to."),
                            db: Optional[Path] = DbOption) -> None:
    """Write every corrected report as gold (spec/gold.md), to score with `rasd eval OUT/corrections/gold.jsonl`."""
    from rasd.store import Store
    from rasd.store import corrections as corr

    with Store(db) as store:
        path, n = corr.export_gold(store, out)
    Console(stderr=True).print(f"{n} reports written to {path}; score with: rasd eval {path}", markup=False)


def register(app: typer.Typer) -> None:
    app.command("serve")(serve_cmd)
    app.add_typer(corrections_app, name="corrections")
