"""`rasd` entry point. Each command group lives in its own module exposing ``register(app)``.

Errors print as one line (code, message, hint) and exit 2; ``--debug`` brings tracebacks back.
Usage errors (an unknown option, a missing or malformed value) print the parser's own message
and exit 2, as every click program does; Ctrl-C exits 130.
"""
from __future__ import annotations

import importlib
import sys

import typer

from rasd import __version__
from rasd.errors import RasdError

CONTEXT = {"help_option_names": ["-h", "--help"]}

app = typer.Typer(add_completion=False, no_args_is_help=True, context_settings=CONTEXT,
                  help="rasd (رصد): Arabic conflict reports → structured, geolocated event data.")

COMMAND_MODULES = ("extract", "eval", "data", "kb", "ingest", "batch", "serve")

for _name in COMMAND_MODULES:
    importlib.import_module(f"rasd.cli.{_name}").register(app)


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"rasd {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(version: bool = typer.Option(False, "--version", callback=_show_version, is_eager=True,
                                                 help="Print the version and exit.")) -> None:
    """rasd (رصد): Arabic conflict reports → structured, geolocated event data."""


def usage_error_types() -> tuple[type[BaseException], ...]:
    """The parser's exception classes: typer 0.29 vendors click as ``typer._click``; older typer
    (or a click-based plugin) raises click's own.  Either may be missing, so both are optional."""
    found: list[type[BaseException]] = []
    for module in ("typer._click.exceptions", "click.exceptions"):
        try:
            found.append(importlib.import_module(module).ClickException)
        except (ImportError, AttributeError):
            continue
    return tuple(found)


def main() -> None:
    debug = "--debug" in sys.argv
    if debug:
        sys.argv.remove("--debug")
    usage = usage_error_types()
    try:
        # without standalone mode click returns (not raises) the code of a typer.Exit
        code = app(standalone_mode=False)
        if isinstance(code, int) and code != 0:
            sys.exit(code)
    except RasdError as e:
        if debug:
            raise
        typer.echo(f"error {e.code}: {e.message}" + (f" (hint: {e.hint})" if e.hint else ""), err=True)
        sys.exit(130 if e.code == "R130" else 2)
    except typer.Exit as e:
        sys.exit(e.exit_code)
    except (typer.Abort, KeyboardInterrupt):
        typer.echo("aborted", err=True)
        sys.exit(130)
    except usage as e:  # the parser's message, as click prints it; exit 2 for usage errors
        e.show()
        sys.exit(getattr(e, "exit_code", 2))
    except Exception as e:  # noqa: BLE001 - the CLI's last line of defence: one line, not a traceback
        if debug:
            raise
        typer.echo(f"error R999: unexpected {type(e).__name__}: {e} (hint: rerun with --debug and report it)",
                   err=True)
        sys.exit(1)


if __name__ == "__main__":
    main()
