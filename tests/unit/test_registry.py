"""The built-in registries (stages, exporters, ingest source kinds) match tests/registry.txt."""
from __future__ import annotations

from pathlib import Path

from rasd.export import EXPORTERS
from rasd.pipeline import default_pipeline
from rasd.registry import STAGES

CHECKED_IN = Path(__file__).parent.parent / "registry.txt"


def checked_in() -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current = None
    for line in CHECKED_IN.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], [])
        else:
            assert current is not None, f"{CHECKED_IN}: {line!r} is outside a [section]"
            current.append(line)
    return sections


def test_stages_in_order():
    assert list(STAGES) == checked_in()["stages"]
    assert default_pipeline().names == checked_in()["stages"]
    assert all(name == stage.name for name, stage in STAGES.items())


def test_exporters():
    assert list(EXPORTERS) == checked_in()["exporters"]


def test_ingest_source_kinds():
    from rasd.ingest import sources

    assert list(sources.KINDS) == checked_in()["sources"]
