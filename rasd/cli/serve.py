"""CLI command ``serve``: the HTTP API and the web page over a database, run by uvicorn."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer
from rich.console import Console

from rasd.cli.ingest import DbOption


def serve_cmd(db: Optional[Path] = DbOption,
              host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (0.0.0.0: every interface)."),
              port: int = typer.Option(8000, "--port", min=1, max=65535, help="TCP port.")) -> None:
    """Serve the API and the web page (map, timeline, network) over the stored events."""
    from rasd.api.errors import MissingExtraError

    try:
        import uvicorn

        from rasd.api.app import create_app
    except ImportError as e:
        raise MissingExtraError(f"the API needs a package that is not installed ({e.name})") from e
    app = create_app(db)
    Console(stderr=True).print(f"rasd: serving {app.state.store.path} at http://{host}:{port}/ (Ctrl+C stops)")
    uvicorn.run(app, host=host, port=port, log_level="info")


def register(app: typer.Typer) -> None:
    app.command("serve")(serve_cmd)
