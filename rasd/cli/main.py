"""`rasd` entry point. Each command group lives in its own module exposing ``register(app)``.

Errors print as one line (code, message, hint) and exit 2; ``--debug`` brings tracebacks back.
"""
from __future__ import annotations

import importlib
import sys

import typer

from rasd.errors import RasdError

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="rasd (رصد): Arabic conflict reports → structured, geolocated event data.")

COMMAND_MODULES = ("extract", "eval", "data", "kb", "ingest", "batch", "serve")

for _name in COMMAND_MODULES:
    importlib.import_module(f"rasd.cli.{_name}").register(app)


def main() -> None:
    debug = "--debug" in sys.argv
    if debug:
        sys.argv.remove("--debug")
    try:
        app(standalone_mode=False)
    except RasdError as e:
        if debug:
            raise
        typer.echo(f"error {e.code}: {e.message}" + (f" (hint: {e.hint})" if e.hint else ""), err=True)
        sys.exit(2)
    except typer.Exit as e:
        sys.exit(e.exit_code)
    except (typer.Abort, KeyboardInterrupt):
        typer.echo("aborted", err=True)
        sys.exit(130)
    except Exception as e:  # noqa: BLE001 - the CLI's last line of defence: one line, not a traceback
        import click
        if isinstance(e, click.exceptions.ClickException):
            e.show()
            sys.exit(e.exit_code)
        if debug:
            raise
        typer.echo(f"error R999: unexpected {type(e).__name__}: {e} (hint: rerun with --debug and report it)",
                   err=True)
        sys.exit(1)


if __name__ == "__main__":
    main()
