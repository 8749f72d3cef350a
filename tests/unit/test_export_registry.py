"""The exporters are registered in one place (design §3); this pins the list."""
from __future__ import annotations

import io

from rasd.export import EXPORTERS

CHECKED_IN = ["acled-csv", "geojson", "plover-jsonl", "jsonl"]


def test_registry_matches_checked_in_list():
    assert list(EXPORTERS) == CHECKED_IN
    assert len({e.suffix for e in EXPORTERS.values()}) == len(EXPORTERS)


def test_every_exporter_writes_nothing_for_no_records():
    for exporter in EXPORTERS.values():
        out = io.StringIO()
        assert exporter.write([], out) == 0
