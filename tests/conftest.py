"""Shared fixtures: the shared folder, the installed data, and an in-process `rasd` command line.

Tests that need ../shared or the installed gazetteer skip with a clear reason on a developer's
machine; under CI (``CI`` set, as .ci/run does) their absence is a failure (design §12).
"""
from __future__ import annotations

import io
import os
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import settings

# Generated inputs run the whole pipeline, whose first call loads the knowledge files: a
# per-example deadline would only measure that warm-up, and tests make no timing assertions.
settings.register_profile("rasd", deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "rasd"))


def _missing(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"CI requires this: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def shared() -> Path:
    """The ../shared folder (spec, corpus, data)."""
    from rasd.settings import shared_dir

    path = shared_dir()
    if path is None:
        _missing("../shared (spec, corpus, data) not found beside the checkout; set RASD_SHARED")
    return path


@pytest.fixture(scope="session")
def installed() -> None:
    """The pipeline's installed data (gazetteer, given names): tests that run extraction need it."""
    from rasd.kb.install import status
    from rasd.settings import data_dir

    if status() is None:
        _missing(f"no rasd data installed in {data_dir()}; run `rasd data install --from ../shared/data`")


@dataclass
class CliResult:
    code: int
    out: str
    err: str


@pytest.fixture
def rasd_cli(monkeypatch, capsys):
    """Run ``rasd ARGS`` in-process through ``rasd.cli.main.main`` (its error handling included).

    ``stdin`` gives bytes for '-'.  Returns the exit code and what went to stdout and stderr.
    """
    from rasd.cli.main import main

    def run(*args: object, stdin: bytes = b"") -> CliResult:
        monkeypatch.setattr(sys, "argv", ["rasd", *map(str, args)])
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
        capsys.readouterr()
        try:
            main()
            code = 0
        except SystemExit as e:
            code = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
        out, err = capsys.readouterr()
        return CliResult(code, out, err)

    return run


@pytest.fixture(scope="session")
def knowledge():
    """A Resources for knowledge-file parts only (numbers, dates, geo cues): no installed data needed."""
    from rasd.kb.resources import Resources

    return Resources("/nonexistent-rasd-data")


@pytest.fixture(scope="session")
def resources(installed):
    """The Resources of the installed data dir (gazetteer, names …)."""
    from rasd.kb.resources import default_resources

    return default_resources()
