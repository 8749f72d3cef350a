"""Load a process's pipeline resources (knowledge, gazetteer, lexicons) before its first task."""
from __future__ import annotations

from rasd.errors import RasdError


def warm_up() -> None:
    """Build the default pipeline and run it once on a throw-away text, so the lazily loaded
    knowledge and gazetteer are in memory before the first real report; then load every other
    part and freeze it out of the garbage collector's reach (only ever called in a worker
    process: the ingest pool's initializer and the Dask worker plugin)."""
    from rasd.pipeline import default_pipeline

    try:
        default_pipeline().run("warm up")
    except RasdError:
        pass  # a refused text still loaded what the stages it reached need
    from rasd.kb.resources import default_resources
    from rasd.runtime import prepare_for_batch

    prepare_for_batch(default_resources())   # a worker process: freeze what is loaded (rasd/runtime.py)
