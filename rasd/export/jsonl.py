"""JSON lines: the flat records themselves, one per line, Arabic kept as is (ensure_ascii=False)."""
from __future__ import annotations

import json
from typing import Iterable, TextIO


def write(records: Iterable[dict], out: TextIO) -> int:
    """Write one record per line to ``out``; return the number of lines."""
    n = 0
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False, allow_nan=False) + "\n")
        n += 1
    return n
