"""A worker process's set-up, the one both runners use (the ingest pool's initializer and the Dask
worker plugin): point the process at its data dir, then load the pipeline's resources (knowledge,
gazetteer, lexicons) before its first task."""
from __future__ import annotations

import os

from rasd.errors import RasdError


def start_worker(data_dir: str | None, warm: bool = True) -> None:
    """Set up a worker process of ours: its pipeline reads ``data_dir`` (when given: the
    environment is this process's own), and with ``warm`` everything is loaded now."""
    if data_dir:
        os.environ["RASD_DATA_DIR"] = data_dir
    if warm:
        warm_up()


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
