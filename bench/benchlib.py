"""What the bench scripts share: the news articles in archive order and this process's memory.

Bench scripts run as ``python bench/NAME.py``, so this folder is on ``sys.path``."""
from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from pathlib import Path


def articles(news: Path) -> Iterator[dict]:
    """SaudiNewsNet articles (JSON arrays of source, url, date_extracted, title, content) in
    archive order: zips by name, members by name."""
    for path in sorted(news.glob("*.zip")):
        with zipfile.ZipFile(path) as z:
            for member in sorted(z.namelist()):
                if member.endswith(".json"):
                    yield from json.loads(z.read(member))


def rss_mb() -> float:
    """Current resident set size (Linux /proc), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")
