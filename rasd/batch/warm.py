"""Load a process's pipeline resources (knowledge, gazetteer, lexicons) before its first task."""
from __future__ import annotations

from rasd.errors import RasdError


def warm_up() -> None:
    """Build the default pipeline and run it once on a throw-away text, so the lazily loaded
    knowledge and gazetteer are in memory before the first real report."""
    from rasd.pipeline import default_pipeline

    try:
        default_pipeline().run("warm up")
    except RasdError:
        pass  # a refused text still loaded what the stages it reached need
