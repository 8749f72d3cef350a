"""docs/cli.md is what scripts/gen_cli_docs.py makes from `--help` (design §10): regenerate, compare."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import typer.main

from rasd.cli.main import app

ROOT = Path(__file__).resolve().parent.parent.parent


def test_docs_match_help():
    fresh = subprocess.run([sys.executable, str(ROOT / "scripts" / "gen_cli_docs.py"), "--stdout"],
                           capture_output=True, text=True, encoding="utf-8", timeout=120, check=True).stdout
    assert fresh == (ROOT / "docs" / "cli.md").read_text(encoding="utf-8"), \
        "docs/cli.md is stale: run `.venv/bin/python scripts/gen_cli_docs.py`"


def test_every_command_has_a_section():
    doc = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    group = typer.main.get_command(app)
    for name in group.list_commands(None):
        assert f"## `rasd {name}`" in doc
